"""Connect: what documents say together. `stories` places each document in the story
it tells; `fusion` makes one event of the readings of one real event across outlets;
`relations` derives who is what to whom from the fused events and the claims.
"""
