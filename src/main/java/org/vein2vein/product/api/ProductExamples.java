package org.vein2vein.product.api;

import org.vein2vein.product.application.DemoProducts;

/** Example bodies of the product endpoints for the OpenAPI contract. */
public final class ProductExamples {

    static final String CODE = DemoProducts.AUTOLOGOUS_CODE;
    private static final String EXAMPLES = "#/components/examples/";

    /*
     * The definition and product examples are built from the demo products by ProductExamplesFilter, so that the
     * stage plan is written once (StagePlan.standard); operations refer to them by these names.
     */
    static final String REQUEST_NAME = "ProductDefinition";
    static final String PRODUCT_NAME = "Product";
    static final String PRODUCTS_NAME = "ProductList";
    static final String REQUEST = EXAMPLES + REQUEST_NAME;
    static final String PRODUCT = EXAMPLES + PRODUCT_NAME;
    static final String PRODUCTS = EXAMPLES + PRODUCTS_NAME;

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
