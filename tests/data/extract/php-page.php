<?php
  // Page settings read by header.php
  $title = "Tennis Elbow: Causes and Treatment";
  $description = 'Tennis elbow explained by our physiotherapists.';
  require_once($_SERVER['DOCUMENT_ROOT'] . '/inc/config.php');
  include 'inc/head.php';
?>
<body class="<?php echo $bodyClass; ?>">
<?php include 'inc/header.php'; ?>
<main>
  <article class="post">
    <h1><?= htmlspecialchars($title) ?></h1>
    <p class="meta">Posted <?php echo date('F j, Y', $posted); ?></p>
    <p>Tennis elbow is pain on the outside of the elbow that comes from overloading the tendons that lift the wrist. Despite its name, most people who get it have never played tennis.</p>
    <h2>Symptoms</h2>
    <p>Pain when gripping, lifting a kettle or turning a door handle, and tenderness over the bony point on the outside of the elbow.</p>
    <h2>Treatment</h2>
    <p>Relative rest from the painful grip, a progressive loading programme for the wrist extensors, and a forearm strap for the activities that still hurt.</p>
    <?php if ($showCta): ?>
      <p>Most cases settle within three months with the right exercise plan.</p>
    <?php endif; ?>
    <a href="<?php echo $base; ?>/contact.php?from=<?= urlencode($slug) ?>" title="<?php echo 'Book'; ?>">Read our other elbow articles</a>
  </article>
</main>
<?php include 'inc/footer.php';
