-- The query side's position in the Merkle log: every leaf at or below it is reflected in every view.
-- One row per projection group; the page transaction locks it, so two query nodes never apply a leaf twice.
CREATE TABLE projection_position (
    name        VARCHAR(64) PRIMARY KEY,
    leaf_index  BIGINT      NOT NULL
);

INSERT INTO projection_position (name, leaf_index) VALUES ('views', -1);
