# A made-up Rails model: code and validation messages, no article.
class Post < ApplicationRecord
  has_rich_text :content
  belongs_to :author, class_name: "User"
  validates :title, presence: { message: "no puede estar vacío" }
  scope :published, -> { where("published_at <= ?", Time.current).order(published_at: :desc) }

  def to_param = "#{id}-#{title.parameterize}"
end
