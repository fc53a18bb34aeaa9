-- The fictional products CART-GD2-AUTO and CART-B7H3-ALLO were inserted by V4 as first released; they are now
-- made at start in embedded mode and tests only (DemoProducts), never in a database the service is pointed at.
-- A database that got them from V4 keeps each one in use (a batch names it, or an admin saved a version of it)
-- and loses the others. Their versions are removed with them: the append-only trigger is off for this one
-- statement, within this migration's transaction, which holds the table locked until it commits.
ALTER TABLE product_version DISABLE TRIGGER product_version_no_update_or_delete;
-- A product and its versions refer to each other; checked at the end of the statement, so that nothing is left
-- pending when the trigger is turned on again.
SET CONSTRAINTS product_current_version_fk IMMEDIATE;

WITH unused AS (
    SELECT p.code FROM product p
    WHERE p.code IN ('CART-GD2-AUTO', 'CART-B7H3-ALLO')
      AND NOT EXISTS (SELECT 1 FROM batch b WHERE b.product_code = p.code)
      AND NOT EXISTS (SELECT 1 FROM product_version v WHERE v.code = p.code AND v.created_by_id <> 'migration-V4')
), removed AS (
    DELETE FROM product p USING unused u WHERE p.code = u.code RETURNING p.code
)
DELETE FROM product_version v USING removed r WHERE v.code = r.code;

ALTER TABLE product_version ENABLE TRIGGER product_version_no_update_or_delete;
