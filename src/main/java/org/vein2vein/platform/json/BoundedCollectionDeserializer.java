package org.vein2vein.platform.json;

import java.io.IOException;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * Reads a JSON array into a collection only up to the bound its field states with {@code @Size(max)}
 * ({@link JsonBounds#MAX_ITEMS} where it states none): one item more, and the array is refused as a
 * whole, before any item is bound or validated. Bean Validation would only count the items after
 * binding and then validate every one of them, a violation each.
 */
final class BoundedCollectionDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    private final int maxItems;
    private final String complaint;

    BoundedCollectionDeserializer(JsonDeserializer<?> delegate) {
        this(delegate, JsonBounds.MAX_ITEMS, JsonBounds.tooManyItems(JsonBounds.MAX_ITEMS));
    }

    private BoundedCollectionDeserializer(JsonDeserializer<?> delegate, int maxItems, String complaint) {
        super(delegate);
        this.maxItems = maxItems;
        this.complaint = complaint;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new BoundedCollectionDeserializer(newDelegatee, maxItems, complaint);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        BoundedCollectionDeserializer contextual = (BoundedCollectionDeserializer) super.createContextual(context,
                property);
        Size size = property == null ? null : property.getAnnotation(Size.class);
        if (size == null) {
            return contextual;
        }
        int bound = Math.min(size.max(), JsonBounds.MAX_ITEMS);
        // The field's own message where it has one ("must list 1 to 20 bags"), not the default template.
        String message = size.message().startsWith("{") || bound < size.max()
                ? JsonBounds.tooManyItems(bound) : size.message();
        return new BoundedCollectionDeserializer(contextual.getDelegatee(), bound, message);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartArrayToken()) {
            return super.deserialize(parser, context);
        }
        // The items are copied as they are counted: none is bound until the array is known to be short enough.
        TokenBuffer items = context.bufferForInputBuffering(parser);
        items.writeStartArray();
        int count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            if (++count > maxItems) {
                throw new RefusedValueException(parser, handledType(), complaint);
            }
            items.copyCurrentStructure(parser);
        }
        items.writeEndArray();
        try (JsonParser buffered = items.asParserOnFirstToken()) {
            return _delegatee.deserialize(buffered, context);
        }
    }
}
