-- Department signing keys and their validity (projection "keys"), from the genesis and key lifecycle entries.
-- Positions are leaf indexes (ledger-format.md §5): valid_from is the first position the key may sign; a key
-- rotated or revoked at p signs up to p; compromised_from c invalidates its signatures at c and later.
CREATE TABLE key_view (
    key_id            VARCHAR(64)    PRIMARY KEY,
    department        VARCHAR(255)   NOT NULL,
    suite             VARCHAR(32)    NOT NULL,
    public_key        VARCHAR(4000)  NOT NULL,
    registered_leaf   BIGINT         NOT NULL,
    registered_at     VARCHAR(32)    NOT NULL,
    valid_from        BIGINT         NOT NULL,
    replaces_key_id   VARCHAR(64),
    rotated_leaf      BIGINT,
    rotated_at        VARCHAR(32),
    revoked_leaf      BIGINT,
    revoked_at        VARCHAR(32),
    compromised_from  BIGINT,
    compromised_leaf  BIGINT,
    compromised_at    VARCHAR(32),
    reason            VARCHAR(2000)
);

CREATE INDEX ix_key_view_department ON key_view (department, valid_from);
