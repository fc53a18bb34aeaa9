package org.vein2vein.platform.http;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;

/**
 * Puts a {@link ConnectionGuard} on every HTTP/1.1 connection the service accepts.
 * <p>
 * Neither Quarkus 3.33 nor Vert.x 4.5 offers a hook for this: the HTTP server that Quarkus creates
 * answers unreadable heads itself with an empty body (quarkusio/quarkus#55082), and has no deadline
 * for a head or a body. So, once the server listens, this adds a handler to its listening channel
 * that equips each accepted connection, in front of Vert.x's own handlers. It reads one private field
 * of Vert.x ({@code TCPServerBase.bindFuture}); if a Vert.x upgrade removes it, the service refuses to
 * start rather than run unguarded, and the tests that trickle requests fail.
 * <p>
 * The plain HTTP port speaks HTTP/1.1 only: cleartext HTTP/2 (h2c) is switched off, so that every
 * connection passes through the guard (and no h2c upgrade can be smuggled past a proxy).
 */
@ApplicationScoped
public class ConnectionGuardInstaller implements HttpServerOptionsCustomizer {

    static final String GUARD = "vein2vein-connection-guard";
    private static final String ON_ACCEPT = "vein2vein-guard-on-accept";
    private static final String ON_ACTIVE = "vein2vein-guard-on-active";
    /** Names Vert.x gives the handlers of an HTTP/1.x connection. */
    private static final String VERTX_DECODER = "httpDecoder";
    private static final String VERTX_HANDLER = "handler";

    private final Vertx vertx;
    private final Supplier<ConnectionGuard> guards;

    public ConnectionGuardInstaller(Vertx vertx, HttpConnectionConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int maxRequestLineBytes,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.vertx = vertx;
        ConnectionRefusals refusals = new ConnectionRefusals(mapper, maxRequestLineBytes, maxHeaderSize.asLongValue(),
                maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE), config.headerTimeout(),
                config.bodyTimeout());
        long headerTimeoutNanos = config.headerTimeout().toNanos();
        long bodyTimeoutNanos = config.bodyTimeout().toNanos();
        this.guards = () -> new ConnectionGuard(refusals, headerTimeoutNanos, bodyTimeoutNanos);
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void onStart(@Observes StartupEvent started) {
        installOnListeningChannels();
    }

    void onServerStart(@ObservesAsync HttpServerStart started) {
        installOnListeningChannels();
    }

    /**
     * Each listening channel gets one hook, whichever event comes first. A hook already there is
     * replaced: in dev mode the server outlives a reload of the application, whose settings may change.
     */
    synchronized void installOnListeningChannels() {
        for (Channel listening : listeningChannels()) {
            ChannelPipeline pipeline = listening.pipeline();
            if (pipeline.get(ON_ACCEPT) == null) {
                pipeline.addFirst(ON_ACCEPT, new OnAccept());
            } else {
                pipeline.replace(ON_ACCEPT, ON_ACCEPT, new OnAccept());
            }
            Log.debugf("Connection guard installed on %s", listening.localAddress());
        }
    }

    private List<Channel> listeningChannels() {
        List<Channel> channels = new ArrayList<>();
        var servers = ((VertxInternal) vertx).sharedHttpServers();
        synchronized (servers) {
            for (HttpServerImpl server : servers.values()) {
                Future<Channel> bound = boundChannel(server);
                if (bound != null && bound.succeeded() && !channels.contains(bound.result())) {
                    channels.add(bound.result());
                }
            }
        }
        return channels;
    }

    @SuppressWarnings("unchecked")
    private static Future<Channel> boundChannel(HttpServerImpl server) {
        try {
            Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
            bindFuture.setAccessible(true);
            return (Future<Channel>) bindFuture.get(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot guard HTTP connections: this Vert.x version does not keep the "
                    + "listening channel where ConnectionGuardInstaller expects it", e);
        }
    }

    /** On the listening channel: equips each accepted connection before Vert.x sets it up. */
    @ChannelHandler.Sharable
    private final class OnAccept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addLast(ON_ACTIVE, new OnActive());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** On an accepted connection: once Vert.x has set up its handlers, puts the guard before them. */
    private final class OnActive extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (pipeline.get(VERTX_DECODER) != null && pipeline.get(VERTX_HANDLER) != null) {
                pipeline.addBefore(VERTX_HANDLER, GUARD, guards.get());
            } else {
                // TLS or HTTP/2: not served by this service, which sits behind a TLS-terminating proxy.
                Log.debugf("Connection %s is not plain HTTP/1.1: not guarded", ctx.channel().remoteAddress());
            }
            ctx.fireChannelActive();
            pipeline.remove(this);
        }
    }
}
