package org.vein2vein.platform.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The HTTP methods the resources answer at a path, for the {@code Allow} header of a 405: the
 * JAX-RS runtime refuses the method without saying which ones it would have accepted.
 */
@Singleton
class AllowedMethods {

    private static final Pattern PARAMETER =
            Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private final List<Endpoint> endpoints;

    AllowedMethods(BeanManager beans) {
        this.endpoints = beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass)
                .distinct()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .flatMap(AllowedMethods::endpointsOf)
                .toList();
    }

    /** The methods allowed at the request path, with HEAD for GET and OPTIONS, which the runtime adds. */
    Set<String> at(String requestPath) {
        String path = trimmed(requestPath);
        Set<String> methods = endpoints.stream()
                .filter(endpoint -> endpoint.path().matcher(path).matches())
                .map(Endpoint::method)
                .collect(Collectors.toCollection(TreeSet::new));
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private static Stream<Endpoint> endpointsOf(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        return Arrays.stream(resource.getMethods()).flatMap(method -> httpMethodOf(method).stream()
                .map(httpMethod -> new Endpoint(httpMethod, template(base, method))));
    }

    private static Optional<String> httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return Optional.of(httpMethod.value());
            }
        }
        return Optional.empty();
    }

    private static Pattern template(String base, Method method) {
        Path sub = method.getAnnotation(Path.class);
        String template = trimmed("/" + base + (sub == null ? "" : "/" + sub.value()));
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int literalStart = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(literalStart, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            literalStart = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(literalStart)));
        return Pattern.compile(regex.toString());
    }

    /** One leading slash, none doubled, none trailing. */
    private static String trimmed(String path) {
        String single = path.replaceAll("/{2,}", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }

    private record Endpoint(String method, Pattern path) {
    }
}
