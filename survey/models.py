"""SQLAlchemy 2.x models (typed Mapped[...] columns). Tables arrive with the survey site."""
