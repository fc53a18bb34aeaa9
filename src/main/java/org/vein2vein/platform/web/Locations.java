package org.vein2vein.platform.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The {@code Location} of a created resource, sent as a path-absolute reference
 * ({@code /api/v1/batches/V2V...}), which RFC 9110 allows and clients resolve against the URL they
 * called. Only the path of {@code location} is sent: its scheme, host and port come from the request's
 * {@code Host} header, which the client chooses, and are never echoed.
 */
public final class Locations {

    private Locations() {
    }

    /** {@code 201 Created} with {@code Location}; the runtime would make a relative location absolute. */
    public static Response.ResponseBuilder created(URI location) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location.getRawPath());
    }
}
