package org.vein2vein.product.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.openapi.CommonProblemResponses;
import org.vein2vein.product.application.DemoProducts;
import org.vein2vein.product.domain.ProductVersion;

/**
 * The contract's examples of a product definition and of a product, made from the autologous demo
 * product as the API would show it, so that its stage plan is not written out again. Runs when the
 * document is built: the same every time, after {@link CommonProblemResponses}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = CommonProblemResponses.PRIORITY - 10)
public class ProductExamplesFilter implements OASFilter {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Numbers as written (80, 5.0), not as doubles (80.0).
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Server-owned members of a product, which a definition sent by an admin does not have. */
    private static final List<String> SERVER_OWNED = List.of("version", "createdAt", "createdBy");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProductVersion example = new ProductVersion(DemoProducts.autologous(), 2,
                Instant.parse("2026-11-25T10:00:00.123456Z"), new Actor("admin-01", "admin", "VEIN2VEIN"));
        Map<String, Object> product = asJson(ProductResponse.of(example));
        Map<String, Object> definition = asJson(ProductResponse.of(example));
        SERVER_OWNED.forEach(definition::remove);
        openAPI.getComponents()
                .addExample(ProductExamples.REQUEST_NAME, OASFactory.createExample().value(definition))
                .addExample(ProductExamples.PRODUCT_NAME, OASFactory.createExample().value(product))
                .addExample(ProductExamples.PRODUCTS_NAME,
                        OASFactory.createExample().value(Map.of("products", List.of(product))));
    }

    private static Map<String, Object> asJson(ProductResponse response) {
        try {
            return JSON.readValue(JSON.writeValueAsString(response), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a product is always writable as JSON", e);
        }
    }
}
