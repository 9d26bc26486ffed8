"""The operations of the SWF, one module per resource.

Each function takes a :class:`swfkit.sim.context.Ctx` (the open transaction,
the world, the rules and the caller), enforces the rules and returns database
rows; rendering them for the wire is :mod:`swfkit.sim.render`'s job.
"""
