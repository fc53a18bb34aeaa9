-- A refusal whose attempt is recorded in the ledger (a missed time window, a failed identity
-- checkpoint, a missing second verifier) is answered 409 and kept for retries like a success: its retry must replay the
-- refusal, not record the attempt twice.
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_response_status_check;
ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_response_status_check
    CHECK (response_status BETWEEN 200 AND 299 OR response_status = 409);
