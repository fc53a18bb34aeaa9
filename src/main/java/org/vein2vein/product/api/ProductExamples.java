package org.vein2vein.product.api;

/** Example bodies of the product endpoints for the OpenAPI contract. */
public final class ProductExamples {

    static final String CODE = "CART-GD2-AUTO";

    private static final String DEFINITION = """
            "name": "Anti-GD2 CAR-T, autologous", "type": "AUTOLOGOUS",
             "stagePlan": {"transitions": [
              {"from": "ORDERED", "to": ["COLLECTED"]},
              {"from": "COLLECTED", "to": ["CRYOPRESERVED_AT_COLLECTION", "SHIPPED_TO_MANUFACTURING"]},
              {"from": "CRYOPRESERVED_AT_COLLECTION", "to": ["SHIPPED_TO_MANUFACTURING"]},
              {"from": "SHIPPED_TO_MANUFACTURING", "to": ["RECEIVED_AT_MANUFACTURING"]},
              {"from": "RECEIVED_AT_MANUFACTURING", "to": ["ACCEPTED", "REJECTED"]},
              {"from": "ACCEPTED", "to": ["GENE_MODIFIED", "MANUFACTURING_FAILED"]},
              {"from": "GENE_MODIFIED", "to": ["EXPANDED", "MANUFACTURING_FAILED"]},
              {"from": "EXPANDED", "to": ["FORMULATED", "MANUFACTURING_FAILED"]},
              {"from": "FORMULATED", "to": ["CRYOPRESERVED", "MANUFACTURING_FAILED"]},
              {"from": "CRYOPRESERVED", "to": ["QC_TESTED"]},
              {"from": "QC_TESTED", "to": ["RELEASED", "OUT_OF_SPEC", "MANUFACTURING_FAILED"]},
              {"from": "RELEASED", "to": ["STORED"]},
              {"from": "OUT_OF_SPEC", "to": ["DESTROYED"]},
              {"from": "STORED", "to": ["SHIPPED_TO_SITE"]},
              {"from": "SHIPPED_TO_SITE", "to": ["RECEIVED_AT_SITE"]},
              {"from": "RECEIVED_AT_SITE", "to": ["THAWED"]},
              {"from": "THAWED", "to": ["INFUSED"]}],
              "repeatable": ["COLLECTED", "EXPANDED"]},
             "temperatureClasses": {"STARTING_MATERIAL": "FRESH_2_TO_8_C",
              "FINAL_PRODUCT_STORAGE": "CRYO_AT_OR_BELOW_MINUS_150_C",
              "FINAL_PRODUCT_TRANSPORT": "CRYO_AT_OR_BELOW_MINUS_150_C"},
             "timeWindows": [
              {"name": "collection-to-receipt", "from": "COLLECTED", "to": "RECEIVED_AT_MANUFACTURING", "max": "PT48H"},
              {"name": "out-of-storage-while-packing", "from": "SHIPPED_TO_SITE", "to": "SHIPPED_TO_SITE", "max": "PT30M"},
              {"name": "dry-shipper-hold", "from": "SHIPPED_TO_SITE", "to": "RECEIVED_AT_SITE", "max": "P10D"},
              {"name": "thaw-to-infusion", "from": "THAWED", "to": "INFUSED", "max": "PT1H"}],
             "release": {"minViabilityPercent": 80, "dose": {"min": 60000000, "max": 600000000},
              "sterilityNegative": true, "mycoplasmaNegative": true, "maxEndotoxinEuPerMl": 5.0,
              "maxVectorCopiesPerCell": 5},
             "twoPersonVerification": true""";

    static final String REQUEST = "{\"code\": \"" + CODE + "\", " + DEFINITION + "}";

    static final String PRODUCT = "{\"code\": \"" + CODE + "\", \"version\": 2, " + DEFINITION + """
            ,
             "createdAt": "2026-11-25T10:00:00.123456Z",
             "createdBy": {"id": "admin-01", "role": "admin", "organisation": "VEIN2VEIN"}}""";

    static final String PRODUCTS = "{\"products\": [" + PRODUCT + "]}";

    static final String PROBLEM_INVALID_DEFINITION = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "The definition of product CART-GD2-AUTO is not valid: 2 fields are not valid.",
             "instance": "/api/v1/products",
             "violations": [{"field": "stagePlan.transitions", "message": "the plan must lead from ORDERED to INFUSED"},
              {"field": "timeWindows[0].to", "message": "RECEIVED_AT_SITE never follows THAWED"}]}""";

    static final String PROBLEM_PRODUCT_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:product-not-found", "title": "No such product or product version",
             "status": 404, "detail": "No product has code CART-XYZ-AUTO.", "instance": "/api/v1/products/CART-XYZ-AUTO"}""";

    static final String PROBLEM_VERSION_NOT_FOUND = """
            {"type": "urn:vein2vein:problem:product-not-found", "title": "No such product or product version",
             "status": 404, "detail": "Product CART-GD2-AUTO has no version 9.",
             "instance": "/api/v1/products/CART-GD2-AUTO/versions/9"}""";

    static final String PROBLEM_PRODUCT_EXISTS = """
            {"type": "urn:vein2vein:problem:product-exists", "title": "A product with this code exists already",
             "status": 409, "detail": "Product CART-GD2-AUTO exists already; change it with PUT, which makes a new version.",
             "instance": "/api/v1/products", "code": "CART-GD2-AUTO"}""";

    static final String PROBLEM_PRECONDITION_FAILED = """
            {"type": "urn:vein2vein:problem:precondition-failed", "title": "The resource has changed since you read it",
             "status": 412, "detail": "Product CART-GD2-AUTO is at version 3, not 2. Read the product again and decide anew.",
             "instance": "/api/v1/products/CART-GD2-AUTO", "currentVersion": 3}""";

    static final String PROBLEM_PRECONDITION_REQUIRED = """
            {"type": "urn:vein2vein:problem:precondition-required", "title": "The request must be conditional",
             "status": 428, "detail": "Changing a product requires If-Match with the ETag you last read, e.g. \\"3\\": read it first, then send its ETag.",
             "instance": "/api/v1/products/CART-GD2-AUTO"}""";

    /** Registration of a batch naming a product that does not exist or is for the other type. */
    public static final String PROBLEM_PRODUCT_NOT_APPLICABLE = """
            {"type": "urn:vein2vein:problem:invalid-request", "title": "The request is not valid", "status": 400,
             "detail": "Field 'productCode': product CART-B7H3-ALLO is ALLOGENEIC, not AUTOLOGOUS.",
             "instance": "/api/v1/batches",
             "violations": [{"field": "productCode", "message": "product CART-B7H3-ALLO is ALLOGENEIC, not AUTOLOGOUS"}]}""";

    private ProductExamples() {
    }
}
