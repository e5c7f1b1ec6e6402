# A made-up seed of two posts, each body a Markdown heredoc: the first post is the article.

Post.create!(
  title: "Knee pain in runners",
  excerpt: "Why knees hurt after a run, and what helps.",
  author: "Dr. Jane Roe",
  cover_image: "knee.jpg",
  content: <<~MARKDOWN.strip
    Knee pain is one of the most common complaints among runners, and it usually comes
    from how the knee is loaded rather than from damage inside the joint.

    ## Symptoms

    - A dull ache around or behind the kneecap
    - Pain on stairs or after sitting for a long time

    ## What helps

    Strengthening the hips and thighs spreads the load. **Rest** alone rarely fixes it;
    a graded return to running does. #{"Interpolated code never shows."[0, 0]}
  MARKDOWN
)

Post.create!(
  title: "Shin splints",
  excerpt: "Pain along the inner edge of the shin.",
  content: <<~MARKDOWN
    Shin splints are pain along the inner edge of the shin bone, common in new runners who
    add distance too quickly. The bone and the muscles attached to it are overloaded.
  MARKDOWN
)
