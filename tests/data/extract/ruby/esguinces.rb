# frozen_string_literal: true
# A made-up seed: one post kept as a hash, its body an HTML heredoc.

post = {
  title: 'Esguince de tobillo: qué es y cómo se trata',
  slug: 'esguince-de-tobillo',
  image_url: "https://example.test/uploads/esguince.jpg",
  tags: %w[tobillo esguince deporte],
  published_at: Time.zone.parse('2023-04-02'),
  body: <<BODY
<p>Un esguince de tobillo es una lesión de los ligamentos que sujetan la articulación. Suele ocurrir al torcer el pie hacia dentro al correr, saltar o bajar un escalón.</p>
<h2>Síntomas</h2>
<p>El tobillo se hincha en pocas horas, duele al apoyar el pie y puede aparecer un hematoma en la cara externa.</p>
<h2>Tratamiento en la clínica</h2>
<ul>
  <li>Vendaje funcional para proteger el ligamento los primeros días.</li>
  <li>Ejercicios de equilibrio y fuerza para recuperar la estabilidad.</li>
  <li>Terapia manual para devolver el movimiento a la articulación.</li>
</ul>
<p>Si el dolor no mejora en una semana, pide una valoración con nuestro equipo.</p>
BODY
}

Post.find_or_create_by!(slug: post[:slug]) do |record|
  record.assign_attributes(post.except(:slug))
end
