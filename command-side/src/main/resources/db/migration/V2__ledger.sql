-- The ledger's own write-side state. Everything here is derived from signed entries and can be re-derived by
-- the self-check; private keys are never stored here (they live in files under the data directory).

-- The ledger identity, written once when the genesis entry is appended.
CREATE TABLE ledger_info (
    ledger_id    VARCHAR(255) PRIMARY KEY,
    suite        VARCHAR(32)  NOT NULL,
    origin       VARCHAR(255) NOT NULL,
    log_key_vkey VARCHAR(1000) NOT NULL,
    root_department VARCHAR(255) NOT NULL,
    genesis_event VARCHAR(255) NOT NULL
);

-- Department signing keys as the append path sees them now; their history is in the key entries.
CREATE TABLE ledger_key (
    key_id      VARCHAR(64)  PRIMARY KEY,
    department  VARCHAR(255) NOT NULL,
    public_key  BYTEA        NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    changed_by_event VARCHAR(255) NOT NULL,
    CONSTRAINT ck_ledger_key_status CHECK (status IN ('ACTIVE', 'ROTATED', 'REVOKED', 'COMPROMISED'))
);
CREATE INDEX ix_ledger_key_department ON ledger_key (department, status);

-- Leaf order of the global Merkle log: stored, never re-derived.
CREATE TABLE merkle_leaf (
    leaf_index           BIGINT       PRIMARY KEY,
    global_index         BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    entry_hash           VARCHAR(64)  NOT NULL,
    leaf_hash            BYTEA        NOT NULL,
    CONSTRAINT uk_merkle_leaf_global UNIQUE (global_index),
    CONSTRAINT uk_merkle_leaf_entry UNIQUE (aggregate_identifier, sequence_number)
);

-- Hashes of completed perfect subtrees (level 0 = leaf hashes are in merkle_leaf), for O(log n) proofs.
CREATE TABLE merkle_node (
    level      INTEGER NOT NULL,
    node_index BIGINT  NOT NULL,
    hash       BYTEA   NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed checkpoints (C2SP signed notes, log signature only; cosignatures separately).
CREATE TABLE checkpoint (
    tree_size BIGINT        PRIMARY KEY,
    root      BYTEA         NOT NULL,
    signed_at BIGINT        NOT NULL,
    note      VARCHAR(8000) NOT NULL
);

CREATE TABLE witness (
    name       VARCHAR(255)  PRIMARY KEY,
    vkey       VARCHAR(1000) NOT NULL,
    key_id     VARCHAR(8)    NOT NULL,
    active     BOOLEAN       NOT NULL
);

CREATE TABLE checkpoint_cosignature (
    tree_size      BIGINT        NOT NULL REFERENCES checkpoint (tree_size),
    witness_name   VARCHAR(255)  NOT NULL REFERENCES witness (name),
    cosigned_at    BIGINT        NOT NULL,
    signature_line VARCHAR(2000) NOT NULL,
    PRIMARY KEY (tree_size, witness_name)
);

-- Openings of salted commitments (personal and confidential data), encrypted at rest; shredding deletes the
-- ciphertext and keeps the row as the record that it existed.
CREATE TABLE vault_opening (
    commitment   VARCHAR(64)  PRIMARY KEY,
    algorithm    VARCHAR(32),
    nonce        BYTEA,
    ciphertext   BYTEA,
    created_at   VARCHAR(40)  NOT NULL,
    shredded_at  VARCHAR(40),
    shred_event  VARCHAR(255)
);
