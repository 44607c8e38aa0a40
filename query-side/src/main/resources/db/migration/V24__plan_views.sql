-- Query side: annual plans (年度抽查工作计划) with their history. One row per plan entry (department submissions,
-- consolidations, approval, publication, filing, adjustments) keyed by year and leaf index; the read side folds them
-- in leaf order into the plan as published and the batches in force after each adjustment.
CREATE TABLE qv_plan_entry (
    plan_year         BIGINT       NOT NULL,
    leaf_index        BIGINT       NOT NULL,
    entry_type        VARCHAR(64)  NOT NULL,
    stream_id         VARCHAR(256) NOT NULL,
    department        VARCHAR(128),
    version           BIGINT,
    adjustment        BIGINT,
    event_date        VARCHAR(10),
    deadline          VARCHAR(10),
    late              BOOLEAN,
    actor_department  VARCHAR(128) NOT NULL,
    actor_user        VARCHAR(256) NOT NULL,
    recorded_at       VARCHAR(40)  NOT NULL,
    entry_hash        VARCHAR(128) NOT NULL,
    payload           TEXT         NOT NULL,
    PRIMARY KEY (plan_year, leaf_index)
);
