"""Date annotator vs plain dateparser search_dates: `python bench/dates.py` (same as
`python -m pipeline.evaluate.dates_bench`)."""
from pipeline.evaluate.dates_bench import main

if __name__ == "__main__":
    main()
