package org.vein2vein.platform.json;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads request bodies strictly: a value of the wrong type, a duplicate key or trailing content
 * is an error, never silently coerced, so that what is recorded is exactly what was sent.
 * Unknown properties are refused through {@code quarkus.jackson.fail-on-unknown-properties}.
 * Arrays are bounded while they are read (see {@link JsonBounds}), and instants must lie in the
 * plausible range.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /**
     * How deeply a document may nest. Stage data is shallow; the limit keeps every accepted
     * payload far below Jackson's write limit (1000), so the responses and histories that embed
     * it can always be written.
     */
    static final int MAX_NESTING_DEPTH = 100;

    /** After Quarkus's own customizer, whose time module would otherwise replace ours for instants. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Stage data keeps its numbers exactly: 1e400 stays 1E+400 instead of becoming Infinity.
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] { LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        // Two leniencies the settings above do not reach: the time module reads epoch numbers (and
        // strings of digits) as instants, and enum names are matched after trimming whitespace.
        // Arrays are counted as they are read: a request of 170,000 tiny items is refused at its bound.
        mapper.registerModule(new SimpleModule("vein2vein-strict-json")
                .addDeserializer(Instant.class, new IsoInstantDeserializer())
                .addDeserializer(ObjectNode.class, new BoundedTreeDeserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnumDeserializer(deserializer, type.getRawClass());
                    }

                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                            CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new BoundedCollectionDeserializer(deserializer);
                    }
                }));
    }

    /**
     * An instant is an ISO-8601 date-time with an offset, such as 2026-11-25T09:30:00Z, nothing else,
     * and lies in the plausible range: a year 0 or 10000 is a typo that would be kept for ever.
     */
    private static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            Instant instant;
            try {
                instant = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "not an ISO-8601 date-time with offset");
            }
            if (instant.isBefore(JsonBounds.EARLIEST_INSTANT) || instant.isAfter(JsonBounds.LATEST_INSTANT)) {
                throw new RefusedValueException(parser, Instant.class, "must be " + JsonBounds.INSTANT_RANGE);
            }
            return instant;
        }
    }

    /** Refuses an enum name padded with whitespace, which the standard deserializer trims away. */
    private static final class ExactEnumDeserializer extends DelegatingDeserializer {

        private final Class<?> enumType;

        ExactEnumDeserializer(JsonDeserializer<?> delegate, Class<?> enumType) {
            super(delegate);
            this.enumType = enumType;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactEnumDeserializer(newDelegatee, enumType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !parser.getText().equals(parser.getText().trim())) {
                return context.handleWeirdStringValue(enumType, parser.getText(), "not an exact name");
            }
            return super.deserialize(parser, context);
        }
    }
}
