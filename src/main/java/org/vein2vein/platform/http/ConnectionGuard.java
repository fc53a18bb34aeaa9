package org.vein2vein.platform.http;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import org.vein2vein.platform.problem.Problem;

/**
 * Watches one HTTP/1.1 connection, between the HTTP codec and Vert.x, so that no client can hold it
 * or feed it more than the service accepts:
 * <ul>
 * <li>the next request's head must arrive within the header timeout of the connection opening or of
 * the previous answer; a client that sent part of a head meanwhile is answered {@code 408}, an idle
 * connection is closed;</li>
 * <li>a request's body must arrive within the body timeout of its head ({@code 408});</li>
 * <li>a body sent in chunks is refused once it grows past the size limit ({@code 413}); one that
 * declares its length is refused before it is read, by the route of {@code OversizedBodyProblem};</li>
 * <li>a head the codec could not read (too long a request line or too many header bytes, a control
 * character in a header) is answered with a problem ({@code 414}, {@code 431}, {@code 400}) instead
 * of Vert.x's empty answer.</li>
 * </ul>
 * Each refusal closes the connection. Idle timeouts cannot do this: a client that trickles one byte
 * at a time is never idle. One instance per connection; all its methods run on the connection's event
 * loop.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private enum Reading {
        /** Between requests: the next head has not arrived. */
        NEXT_HEAD,
        /** A head arrived; its body has not ended. */
        BODY
    }

    /** How long a refused connection is kept, at most, to let the client read the answer. */
    private static final long LINGER_MILLIS = 2_000;

    private final ConnectionRefusals refusals;
    private final long headerTimeoutNanos;
    private final long bodyTimeoutNanos;

    private Reading reading = Reading.NEXT_HEAD;
    /** Requests whose answer has not ended yet (more than one when a client pipelines). */
    private int unanswered;
    private boolean answerStarted;
    private boolean bytesWhileIdle;
    private boolean refused;
    private String path;
    private long bodyBytes;
    private ScheduledFuture<?> deadline;

    ConnectionGuard(ConnectionRefusals refusals, long headerTimeoutNanos, long bodyTimeoutNanos) {
        this.refusals = refusals;
        this.headerTimeoutNanos = headerTimeoutNanos;
        this.bodyTimeoutNanos = bodyTimeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            awaitNextHead(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (deadline == null && !refused) {
            awaitNextHead(ctx);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest head) {
            cancelDeadline();
            if (head.decoderResult().isFailure() && unanswered == 0) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusals.malformedHead(head.decoderResult().cause()), null);
                return;
            }
            // A malformed head behind a pipelined request goes on to Vert.x, which answers it in turn.
            unanswered++;
            answerStarted = false;
            reading = Reading.BODY;
            path = pathOf(head.uri());
            bodyBytes = 0;
            if (!(msg instanceof LastHttpContent)) {
                deadline = schedule(ctx, this::bodyDeadlinePassed, bodyTimeoutNanos);
            }
        }
        if (msg instanceof HttpContent content && reading == Reading.BODY) {
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > refusals.maxBodyBytes() && !answerStarted) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusals.bodyTooLarge(), path);
                return;
            }
            if (content instanceof LastHttpContent) {
                reading = Reading.NEXT_HEAD;
                cancelDeadline();
            }
        }
        ctx.fireChannelRead(msg);
        if (reading == Reading.NEXT_HEAD && unanswered == 0 && deadline == null && !refused) {
            // The answer ended before the body did.
            awaitNextHead(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Bytes read while waiting for a head, that made no head: part of one is in the codec.
        if (reading == Reading.NEXT_HEAD && unanswered == 0) {
            bytesWhileIdle = true;
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (refused) {
            // The connection answered with a refusal and is closing: nothing may follow it.
            ReferenceCountUtil.release(msg);
            promise.setFailure(new ClosedChannelException());
            return;
        }
        if (msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            // 100 Continue and other interim answers leave the request unanswered.
            ctx.write(msg, promise);
            return;
        }
        if (msg instanceof HttpResponse) {
            answerStarted = true;
        }
        if (!(msg instanceof LastHttpContent) || unanswered == 0) {
            ctx.write(msg, promise);
            return;
        }
        unanswered--;
        // The next head is awaited once the answer is out: a large answer to a slow reader takes time.
        ChannelPromise written = promise.unvoid();
        ctx.write(msg, written);
        written.addListener(done -> {
            if (unanswered == 0 && reading == Reading.NEXT_HEAD && deadline == null && !refused
                    && ctx.channel().isActive()) {
                awaitNextHead(ctx);
            }
        });
    }

    private void awaitNextHead(ChannelHandlerContext ctx) {
        cancelDeadline();
        bytesWhileIdle = false;
        deadline = schedule(ctx, this::headDeadlinePassed, headerTimeoutNanos);
    }

    private void headDeadlinePassed(ChannelHandlerContext ctx) {
        if (bytesWhileIdle) {
            refuse(ctx, refusals.headTooSlow(), null);
        } else {
            ctx.close();
        }
    }

    private void bodyDeadlinePassed(ChannelHandlerContext ctx) {
        if (answerStarted) {
            refused = true;
            ctx.close();
        } else {
            refuse(ctx, refusals.bodyTooSlow(), path);
        }
    }

    /**
     * Answers {@code problem} and closes the connection. Closing at once, with the rest of the request
     * unread, would make the operating system reset the connection, and the client could lose the
     * answer: so the answer is followed by the end of output, what still arrives is dropped, and the
     * connection is closed when the client closes its side, or after {@link #LINGER_MILLIS} at most.
     */
    private void refuse(ChannelHandlerContext ctx, Problem problem, String requestPath) {
        cancelDeadline();
        refused = true;
        ctx.writeAndFlush(refusals.render(problem, requestPath)).addListener(written -> {
            if (written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
                Runnable close = ctx::close;
                duplex.shutdownOutput().addListener(shut -> ctx.executor().schedule(close, LINGER_MILLIS,
                        TimeUnit.MILLISECONDS));
            } else {
                ctx.close();
            }
        });
    }

    private ScheduledFuture<?> schedule(ChannelHandlerContext ctx, Consumer<ChannelHandlerContext> task, long delayNanos) {
        return ctx.executor().schedule(() -> {
            deadline = null;
            if (!refused && ctx.channel().isActive()) {
                task.accept(ctx);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
