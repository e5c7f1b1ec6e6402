# A made-up db/seeds.rb: users and categories first, then posts in a list of hashes.
admin = User.create!(email: "admin@clinic.test", password: "changeme123", name: "Admin")
sport = Category.create!(name: "Lesiones deportivas", description: "Artículos sobre lesiones deportivas")

[
  {
    :title => "Tendinitis rotuliana",
    "summary" => "El dolor bajo la rótula de quien salta.",
    :body => %Q{La tendinitis rotuliana es el dolor del tendón que une la rótula con la tibia.
            Es frecuente en deportes de salto como el baloncesto o el voleibol.

            El dolor aparece al empezar a entrenar, mejora al calentar y vuelve después,
            cuando el tendón se enfría. Con el tiempo puede doler también al subir escaleras.}
  },
  {
    :title => "Pubalgia",
    :body => "La pubalgia es un dolor en la ingle que sufren sobre todo los futbolistas y que " \
             "empeora al chutar o al cambiar de dirección de forma brusca durante el partido."
  }
].each do |attrs|
  Post.find_or_create_by!(title: attrs[:title]) do |post|
    post.assign_attributes(attrs.merge(category: sport, author: admin))
  end
end
