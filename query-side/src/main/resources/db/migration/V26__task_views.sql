-- Tasks with their draw proofs (query side, package org.drledger.query.task): projections of the task:<id> streams
-- and the public columns of the registries. Keys come from entry data; JSON fragments are stored as VARCHAR text.

CREATE TABLE qtask_task (
    task_id             VARCHAR(128) PRIMARY KEY,
    status              VARCHAR(16)  NOT NULL,
    source              VARCHAR(16)  NOT NULL,
    plan_year           BIGINT,
    plan_batch          VARCHAR(128),
    ad_hoc_json         VARCHAR(4000),
    lead_department     VARCHAR(128) NOT NULL,
    assisting_json      VARCHAR(4000) NOT NULL,
    category            VARCHAR(64),
    items_json          VARCHAR(8000) NOT NULL,
    draw_plan_json      VARCHAR(100000) NOT NULL,
    plan_hash           VARCHAR(128) NOT NULL,
    stratify_by         VARCHAR(64)  NOT NULL,
    planned_leaf        BIGINT       NOT NULL,
    planned_at          VARCHAR(32)  NOT NULL,
    planned_from        VARCHAR(10),
    freeze_json         VARCHAR(20000),
    freeze_leaf         BIGINT,
    randomness_json     VARCHAR(4000),
    randomness_leaf     BIGINT,
    seed                VARCHAR(128),
    rand                VARCHAR(128),
    strata_json         VARCHAR(20000),
    draw_leaf           BIGINT,
    drawn_at            VARCHAR(32),
    target_count        BIGINT       NOT NULL,
    void_reason         VARCHAR(4000),
    void_approver       VARCHAR(512),
    void_leaf           BIGINT
);
CREATE INDEX qtask_task_lead ON qtask_task (lead_department);

-- committing parties: commitment, reveal, or the missed reveal
CREATE TABLE qtask_party (
    task_id         VARCHAR(128) NOT NULL,
    party_id        VARCHAR(128) NOT NULL,
    commitment      VARCHAR(128),
    commit_leaf     BIGINT,
    committed_at    VARCHAR(32),
    commit_department VARCHAR(128),
    secret          VARCHAR(128),
    reveal_leaf     BIGINT,
    revealed_at     VARCHAR(32),
    missed_reason   VARCHAR(32),
    missed_leaf     BIGINT,
    flag            BOOLEAN,
    PRIMARY KEY (task_id, party_id)
);

CREATE TABLE qtask_target (
    task_id     VARCHAR(128) NOT NULL,
    order_no    BIGINT       NOT NULL,
    entity_id   VARCHAR(128) NOT NULL,
    stratum     VARCHAR(256) NOT NULL,
    district    VARCHAR(256) NOT NULL,
    ticket      VARCHAR(128) NOT NULL,
    PRIMARY KEY (task_id, order_no)
);
CREATE INDEX qtask_target_entity ON qtask_target (entity_id);

-- team slots as drawn, with the effective officer after substitutions and adjustments (ledger order)
CREATE TABLE qtask_slot (
    task_id             VARCHAR(128) NOT NULL,
    entity_id           VARCHAR(128) NOT NULL,
    slot                BIGINT       NOT NULL,
    leader              BOOLEAN      NOT NULL,
    drawn_officer_id    VARCHAR(128),
    drawn_department    VARCHAR(128),
    relaxation_step     BIGINT       NOT NULL,
    officer_id          VARCHAR(128),
    department          VARCHAR(128),
    changed_by          VARCHAR(16),
    PRIMARY KEY (task_id, entity_id, slot)
);
CREATE INDEX qtask_slot_officer ON qtask_slot (officer_id);

-- recusals (with their substitutes) and manual adjustments, in ledger order
CREATE TABLE qtask_change (
    task_id             VARCHAR(128) NOT NULL,
    leaf_index          BIGINT       NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    recusal_no          BIGINT,
    entity_id           VARCHAR(128) NOT NULL,
    slot                BIGINT       NOT NULL,
    previous_officer_id VARCHAR(128),
    officer_id          VARCHAR(128),
    department          VARCHAR(128),
    relaxation_step     BIGINT,
    reason              VARCHAR(4000),
    decided_by          VARCHAR(512),
    recorded_at         VARCHAR(32)  NOT NULL,
    recorded_department VARCHAR(128),
    PRIMARY KEY (task_id, leaf_index)
);

-- public columns of the registries only (never the confidential commitments, ID numbers or phones)
CREATE TABLE qtask_officer (
    officer_id      VARCHAR(128) PRIMARY KEY,
    department      VARCHAR(128) NOT NULL,
    name            VARCHAR(512) NOT NULL,
    certificate_no  VARCHAR(256)
);

CREATE TABLE qtask_entity (
    entity_id       VARCHAR(128) PRIMARY KEY,
    name            VARCHAR(1024) NOT NULL,
    object_type     VARCHAR(64),
    district        VARCHAR(256),
    registry_department VARCHAR(128)
);
