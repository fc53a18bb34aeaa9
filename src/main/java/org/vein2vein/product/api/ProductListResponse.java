package org.vein2vein.product.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current version of every product. */
@Schema(name = "ProductList")
public record ProductListResponse(@Schema(description = "By code") List<ProductResponse> products) {
}
