# A made-up seed whose heredoc is never closed (its closing tag is misspelt).
Article.create!(
  title: "Plantar fasciitis",
  body: <<~HTML
    <p>Plantar fasciitis is pain under the heel that is worst with the first steps in the morning and eases as the foot warms up.</p>
    <p>It comes from overload of the thick band of tissue under the foot, often after a sudden rise in walking, running or standing at work.</p>
  HTM
)
end
