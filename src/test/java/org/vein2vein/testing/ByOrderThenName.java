package org.vein2vein.testing;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * Orders test classes by their {@link Order} (none: {@link Order#DEFAULT}), then by name. Quarkus's
 * profile-aware orderer applies it within each group of classes sharing one start of the service
 * ({@code junit.quarkus.orderer.secondary-orderer} in application.properties): the classes without
 * an order keep the order by name they always had, and a class ordered last runs after the others of
 * its group.
 */
public class ByOrderThenName implements ClassOrderer {

    private static final Comparator<ClassDescriptor> ORDER = Comparator
            .comparingInt((ClassDescriptor descriptor) -> descriptor.findAnnotation(Order.class).map(Order::value)
                    .orElse(Order.DEFAULT))
            .thenComparing(descriptor -> descriptor.getTestClass().getName());

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(ORDER);
    }
}
