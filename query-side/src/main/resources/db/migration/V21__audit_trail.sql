-- The audit trail (projection "audit"): one row per sealed entry, keyed by its leaf index, with the references
-- investigators filter by. Rebuilt from the ledger at any time; entry_millis is the entry's signed time (UTC).
CREATE TABLE audit_entry (
    leaf_index       BIGINT        PRIMARY KEY,
    global_index     BIGINT        NOT NULL,
    stream_type      VARCHAR(255)  NOT NULL,
    stream_id        VARCHAR(255)  NOT NULL,
    seq              BIGINT        NOT NULL,
    event_type       VARCHAR(255)  NOT NULL,
    actor_department VARCHAR(255)  NOT NULL,
    actor_user       VARCHAR(255)  NOT NULL,
    entry_time       VARCHAR(32)   NOT NULL,
    entry_millis     BIGINT        NOT NULL,
    entry_hash       VARCHAR(64)   NOT NULL,
    prev             VARCHAR(64)   NOT NULL,
    key_id           VARCHAR(64)   NOT NULL,
    task_id          VARCHAR(255),
    entity_id        VARCHAR(255),
    officer_id       VARCHAR(255)
);

CREATE INDEX ix_audit_entry_department ON audit_entry (actor_department, leaf_index);
CREATE INDEX ix_audit_entry_user ON audit_entry (actor_user, leaf_index);
CREATE INDEX ix_audit_entry_stream ON audit_entry (stream_id, leaf_index);
CREATE INDEX ix_audit_entry_type ON audit_entry (event_type, leaf_index);
CREATE INDEX ix_audit_entry_time ON audit_entry (entry_millis);

-- Every task, entity (USCC / object id) and officer an entry names, including inside lists (a draw's targets and
-- teams): an entry is found by any of them, not only by its own stream.
CREATE TABLE audit_reference (
    kind        VARCHAR(16)   NOT NULL,
    ref_id      VARCHAR(255)  NOT NULL,
    leaf_index  BIGINT        NOT NULL,
    PRIMARY KEY (kind, ref_id, leaf_index)
);

CREATE INDEX ix_audit_reference_leaf ON audit_reference (leaf_index);
