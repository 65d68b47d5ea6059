"""The monitoring tests' servers: a real feed server and webhook receivers on 127.0.0.1 (see feed_servers)."""
from feed_servers import feed_server, receiver_factory  # noqa: F401  (fixtures)
