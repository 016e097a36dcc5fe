"""Present: what the store knows, in the forms people read. `timeline` (event and
summary timelines), `graph` (the relationship graph and its formats), `report` (a
story's footnoted report), `pages` (an entity's and a story's page), `export` (the
storyline/v1 export). The CLI and the API both build their output here.
"""
