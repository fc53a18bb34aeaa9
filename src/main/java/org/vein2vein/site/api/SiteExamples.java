package org.vein2vein.site.api;

/** Example bodies of the site registry for the OpenAPI contract, shaped like real answers. */
final class SiteExamples {

    static final String CODE = "SITE-LYON-01";

    static final String CREATE_REQUEST = """
            {"code": "SITE-LYON-01", "name": "Hospices Civils de Lyon, apheresis unit", "kind": "COLLECTION",
             "organisation": "HOSP-LYON"}""";

    static final String UPDATE_REQUEST = """
            {"name": "Hospices Civils de Lyon, cell therapy unit", "kind": "TREATMENT", "organisation": "HOSP-LYON",
             "active": true}""";

    static final String SITE = """
            {"code": "SITE-LYON-01", "name": "Hospices Civils de Lyon, apheresis unit", "kind": "COLLECTION",
             "organisation": "HOSP-LYON", "active": true, "version": 1,
             "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T08:00:00.123456Z"}""";

    static final String UPDATED_SITE = """
            {"code": "SITE-LYON-01", "name": "Hospices Civils de Lyon, cell therapy unit", "kind": "TREATMENT",
             "organisation": "HOSP-LYON", "active": true, "version": 2,
             "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T10:15:00.654321Z"}""";

    static final String PAGE = """
            {"sites": [
             {"code": "MFG-GENT-01", "name": "Gent cell therapy manufacturing", "kind": "MANUFACTURING",
              "organisation": "MFG-GENT", "active": true, "version": 1,
              "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T08:00:00.123456Z"},
             {"code": "SITE-LYON-01", "name": "Hospices Civils de Lyon, apheresis unit", "kind": "COLLECTION",
              "organisation": "HOSP-LYON", "active": true, "version": 1,
              "createdAt": "2026-11-25T08:00:00.123456Z", "updatedAt": "2026-11-25T08:00:00.123456Z"}],
             "nextFromCode": "SITE-NICE-02"}""";

    static final String REVISIONS = """
            {"code": "SITE-LYON-01", "revisions": [
             {"version": 1, "name": "Hospices Civils de Lyon, apheresis unit", "kind": "COLLECTION",
              "organisation": "HOSP-LYON", "active": true, "revisedAt": "2026-11-25T08:00:00.123456Z",
              "revisedBy": {"id": "admin-01", "role": "admin", "organisation": "VEIN2VEIN"}},
             {"version": 2, "name": "Hospices Civils de Lyon, cell therapy unit", "kind": "TREATMENT",
              "organisation": "HOSP-LYON", "active": true, "revisedAt": "2026-11-25T10:15:00.654321Z",
              "revisedBy": {"id": "admin-02", "role": "admin", "organisation": "VEIN2VEIN"}}]}""";

    static final String PROBLEM_INVALID_REQUEST = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.", "instance": "/api/v1/sites",
             "violations": [{"field": "code", "message": "must be a site code: 3 to 64 letters, digits, '.', '_', ':' or '-'"}]}""";

    static final String PROBLEM_INVALID_IF_MATCH = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "If-Match must be one entity tag as the ETag gives it, e.g. \\"5\\".",
             "instance": "/api/v1/sites/SITE-LYON-01",
             "violations": [{"field": "header.If-Match", "message": "must be one strong entity tag"}]}""";

    static final String PROBLEM_INVALID_LIMIT = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Query parameter 'limit' must be a whole number from 1 to 1000.", "instance": "/api/v1/sites",
             "violations": [{"field": "query.limit", "message": "must be a whole number from 1 to 1000"}]}""";

    static final String PROBLEM_INVALID_PATH_CODE = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "One field is not valid.", "instance": "/api/v1/sites/SITE%20LYON",
             "violations": [{"field": "path.code", "message": "must be a site code: 3 to 64 letters, digits, '.', '_', ':' or '-'"}]}""";

    static final String PROBLEM_SITE_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:site-not-found", "title": "No site has this code", "status": 404,
             "detail": "No site has code SITE-LYON-99.", "instance": "/api/v1/sites/SITE-LYON-99"}""";

    static final String PROBLEM_SITE_EXISTS = """
            {"type": "urn:vein2vein:problem:site-exists", "title": "A site with this code already exists",
             "status": 409, "detail": "A site with code SITE-LYON-01 already exists: change it with PUT /api/v1/sites/SITE-LYON-01.",
             "instance": "/api/v1/sites", "code": "SITE-LYON-01"}""";


    static final String PROBLEM_PRECONDITION_FAILED = """
            {"type": "urn:vein2vein:problem:precondition-failed", "title": "The resource has changed since you read it",
             "status": 412, "detail": "The site has changed since you read it: If-Match named version 1, the site is at version 2. Read the site again and decide anew.",
             "instance": "/api/v1/sites/SITE-LYON-01", "currentVersion": 2}""";

    static final String PROBLEM_PRECONDITION_REQUIRED = """
            {"type": "urn:vein2vein:problem:precondition-required", "title": "The request must be conditional",
             "status": 428, "detail": "Changing a site requires If-Match with the ETag you last read, e.g. \\"3\\": read it first, then send its ETag.",
             "instance": "/api/v1/sites/SITE-LYON-01"}""";

    private SiteExamples() {
    }
}
