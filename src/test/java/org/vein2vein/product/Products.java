package org.vein2vein.product;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/** Product definitions for tests, made from the seeded products so that they are realistic. */
final class Products {

    static final String PRODUCTS = "/api/v1/products";
    static final String AUTOLOGOUS = "CART-GD2-AUTO";
    static final String ALLOGENEIC = "CART-B7H3-ALLO";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Products() {
    }

    /** The definition of a seeded product, as a request body under {@code code}. */
    static ObjectNode definitionLike(String seeded, String code) {
        ObjectNode body = JSON.valueToTree(Api.as(Tokens.admin()).get(PRODUCTS + "/{code}", seeded).then()
                .statusCode(200).extract().as(Map.class));
        body.remove("version");
        body.remove("createdAt");
        body.remove("createdBy");
        return body.put("code", code);
    }

    /** A fresh code, so that tests do not share products. */
    static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static ValidatableResponse create(ObjectNode body) {
        return Api.as(Tokens.admin()).contentType(ContentType.JSON).body(body.toString()).post(PRODUCTS).then();
    }

    static ValidatableResponse update(String code, String ifMatch, ObjectNode body) {
        var request = Api.as(Tokens.admin()).contentType(ContentType.JSON).body(body.toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(PRODUCTS + "/{code}", code).then();
    }

    /** Creates an autologous product like the seeded one and returns its code. */
    static String createAutologous() {
        String code = newCode("CART-T");
        create(definitionLike(AUTOLOGOUS, code)).statusCode(201);
        return code;
    }

    static long versionRows() {
        return Database.count("SELECT count(*) FROM product_version");
    }

    static long productRows() {
        return Database.count("SELECT count(*) FROM product");
    }
}
