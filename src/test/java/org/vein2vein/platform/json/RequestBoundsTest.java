package org.vein2vein.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.api.LogStepRequest;
import org.vein2vein.batch.api.RegisterBatchRequest;
import org.vein2vein.batch.api.stagedata.StageDataReader;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.api.ProductRequest;
import org.vein2vein.site.api.CreateSiteRequest;
import org.vein2vein.site.api.UpdateSiteRequest;

/**
 * Every array a client can send has a bound (@Size max, at most {@link JsonBounds#MAX_ITEMS}), and
 * every number a range and, if it has decimals, a precision: the contract states them, and nothing
 * a client sends can be too large to handle or to store.
 */
class RequestBoundsTest {

    private static final List<Class<?>> REQUESTS = List.of(RegisterBatchRequest.class, LogStepRequest.class,
            ProductRequest.class, CreateSiteRequest.class, UpdateSiteRequest.class);

    @Test
    void everyArrayOfEveryRequestStatesItsBound() {
        List<String> unbounded = new ArrayList<>();
        for (RecordComponent component : components()) {
            if (Collection.class.isAssignableFrom(component.getType())) {
                Size size = component.getAccessor().getAnnotation(Size.class);
                if (size == null || size.max() > JsonBounds.MAX_ITEMS) {
                    unbounded.add(name(component));
                }
            }
        }
        assertThat(unbounded).as("arrays without @Size(max <= %d)", JsonBounds.MAX_ITEMS).isEmpty();
    }

    @Test
    void everyNumberOfEveryRequestStatesItsRangeAndPrecision() {
        List<String> unbounded = new ArrayList<>();
        for (RecordComponent component : components()) {
            AnnotatedElement field = component.getAccessor();
            Class<?> type = component.getType();
            if (type == BigDecimal.class && !(field.isAnnotationPresent(DecimalMin.class)
                    && field.isAnnotationPresent(DecimalMax.class) && field.isAnnotationPresent(Digits.class))) {
                unbounded.add(name(component));
            }
            if ((type == Long.class || type == Integer.class || type == long.class || type == int.class)
                    && !(field.isAnnotationPresent(Max.class) && (field.isAnnotationPresent(Min.class)
                            || field.isAnnotationPresent(PositiveOrZero.class)))) {
                unbounded.add(name(component));
            }
            assertThat(type).as(name(component)).isNotIn(Double.class, double.class, Float.class, float.class,
                    java.math.BigInteger.class);
        }
        assertThat(unbounded).as("numbers without a range and precision").isEmpty();
    }

    @Test
    void mapsAreKeyedByEnumsSoTheyHoldAFewEntriesAtMost() {
        for (RecordComponent component : components()) {
            if (Map.class.isAssignableFrom(component.getType())) {
                Type key = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                assertThat(((Class<?>) key).isEnum()).as(name(component)).isTrue();
            }
        }
    }

    @Test
    void theCheckReachesTheStageDataAndTheNestedRecords() {
        assertThat(components()).extracting(RequestBoundsTest::name).contains("UnitData.volumeMl",
                "QcData$Result.value", "ProductRequest$DoseBody.max", "ProductRequest$TransitionBody.to",
                "GeneModificationData$Editing.targets");
    }

    /** The components of every request record, of every record they hold, and of every stage's data. */
    private static Set<RecordComponent> components() {
        Set<Class<?>> records = new LinkedHashSet<>(REQUESTS);
        Arrays.stream(Stage.values()).map(StageDataReader::typeOf).flatMap(java.util.Optional::stream)
                .forEach(records::add);
        Set<RecordComponent> components = new LinkedHashSet<>();
        List<Class<?>> pending = new ArrayList<>(records);
        while (!pending.isEmpty()) {
            Class<?> record = pending.remove(pending.size() - 1);
            for (RecordComponent component : record.getRecordComponents()) {
                components.add(component);
                for (Class<?> held : typesIn(component.getGenericType())) {
                    if (held.isRecord() && records.add(held)) {
                        pending.add(held);
                    }
                }
            }
        }
        return components;
    }

    private static List<Class<?>> typesIn(Type type) {
        if (type instanceof Class<?> plain) {
            return List.of(plain);
        }
        if (type instanceof ParameterizedType parameterized) {
            List<Class<?>> types = new ArrayList<>();
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> types.addAll(typesIn(argument)));
            return types;
        }
        return List.of();
    }

    private static String name(RecordComponent component) {
        String owner = component.getDeclaringRecord().getName();
        return owner.substring(owner.lastIndexOf('.') + 1) + "." + component.getName();
    }
}
