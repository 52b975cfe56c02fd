"""Template tags and filters of the admin's templates (the reader's pages use Jinja2)."""
