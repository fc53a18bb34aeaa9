package org.vein2vein.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON object that a request holds untyped (a step's data, typed later by its stage) with
 * every array bounded by {@link JsonBounds#MAX_ITEMS}: a longer array is refused as soon as the
 * bound is passed, so that a body full of tiny items never becomes a tree of hundreds of thousands
 * of nodes. Scalars are read as the standard tree reader reads them (decimals exactly, as sent).
 */
final class BoundedTreeDeserializer extends StdDeserializer<ObjectNode> {

    private static final long serialVersionUID = 1L;
    private static final String TOO_MANY_ITEMS = JsonBounds.tooManyItems(JsonBounds.MAX_ITEMS);

    BoundedTreeDeserializer() {
        super(ObjectNode.class);
    }

    @Override
    public ObjectNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.isExpectedStartObjectToken() || parser.hasToken(JsonToken.FIELD_NAME)
                || parser.hasToken(JsonToken.END_OBJECT)) {
            return object(parser, context);
        }
        return (ObjectNode) context.handleUnexpectedToken(ObjectNode.class, parser);
    }

    /** The object whose START_OBJECT (or, when read from a buffer, first member name) is the current token. */
    private static ObjectNode object(JsonParser parser, DeserializationContext context) throws IOException {
        ObjectNode object = context.getNodeFactory().objectNode();
        String name = null;
        if (parser.isExpectedStartObjectToken()) {
            name = parser.nextFieldName();
        } else if (parser.hasToken(JsonToken.FIELD_NAME)) {
            name = parser.currentName();
        }
        for (; name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            JsonNode value;
            try {
                value = value(parser, context);
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, object, name);
            }
            if (object.replace(name, value) != null
                    && context.isEnabled(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)) {
                context.reportInputMismatch(ObjectNode.class, "Duplicate field '%s'", name);
            }
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, DeserializationContext context) throws IOException {
        ArrayNode array = context.getNodeFactory().arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                return (ArrayNode) context.handleUnexpectedToken(ArrayNode.class, parser);
            }
            if (array.size() == JsonBounds.MAX_ITEMS) {
                throw new RefusedValueException(parser, ArrayNode.class, TOO_MANY_ITEMS);
            }
            try {
                array.add(value(parser, context));
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, array, array.size());
            }
        }
        return array;
    }

    private static JsonNode value(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.isExpectedStartObjectToken()) {
            return object(parser, context);
        }
        if (parser.isExpectedStartArrayToken()) {
            return array(parser, context);
        }
        return context.readTree(parser);
    }
}
