-- Cluster mode (docs/cluster.md): which node follows a chain, until when. chain_id is the lease's resource name
-- ("chain:BTC", "chain:ETH"); times are the database's own clock.
CREATE TABLE chain_lease (
    chain_id VARCHAR(60) NOT NULL PRIMARY KEY,
    holder VARCHAR(100) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE NOT NULL
);
