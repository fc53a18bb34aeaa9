package org.vein2vein.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves by hand. */
class RateLimiterTest {

    private static final Client ALICE = Client.caller("alice", "HOSP-LYON");
    private static final Client BOB = Client.caller("bob", "HOSP-LYON");

    private final AtomicLong now = new AtomicLong(42);

    @Test
    void aClientMakesItsBurstAtOnceThenWaitsForTheNextToken() {
        RateLimiter limiter = limiter(2, 3, 100);

        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).as("seconds to wait, rounded up").isEqualTo(1);

        advanceMillis(499);
        assertThat(limiter.acquire(ALICE)).isEqualTo(1);
        advanceMillis(1);
        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isEqualTo(1);
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        RateLimiter limiter = limiter(0.25, 1, 100);

        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isEqualTo(4);
        advanceMillis(3_001);
        assertThat(limiter.acquire(ALICE)).isEqualTo(1);
        advanceMillis(999);
        assertThat(limiter.acquire(ALICE)).isZero();
    }

    @Test
    void refusedRequestsTakeNoToken() {
        RateLimiter limiter = limiter(1, 1, 100);
        assertThat(limiter.acquire(ALICE)).isZero();
        for (int i = 0; i < 10; i++) {
            advanceMillis(50);
            assertThat(limiter.acquire(ALICE)).isEqualTo(1);
        }

        advanceMillis(500);

        assertThat(limiter.acquire(ALICE)).isZero();
    }

    @Test
    void aBucketNeverHoldsMoreThanTheBurst() {
        RateLimiter limiter = limiter(10, 2, 100);
        advanceMillis(60_000);

        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isEqualTo(1);
    }

    @Test
    void clientsAreCountedApart() {
        RateLimiter limiter = limiter(1, 1, 100);

        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(ALICE)).isEqualTo(1);

        assertThat(limiter.acquire(BOB)).isZero();
        assertThat(limiter.acquire(Client.caller("alice", "MFG-GENT"))).isZero();
        assertThat(limiter.acquire(Client.address("127.0.0.1"))).isZero();
    }

    @Test
    void bucketsThatHaveRefilledAreForgotten() {
        RateLimiter limiter = limiter(1, 2, 100);
        limiter.acquire(ALICE);
        limiter.acquire(BOB);
        limiter.acquire(BOB);
        assertThat(limiter.trackedClients()).isEqualTo(2);

        advanceMillis(1_000);
        limiter.acquire(Client.address("192.0.2.1"));
        assertThat(limiter.trackedClients()).as("not yet: Bob's bucket is not full yet").isEqualTo(3);

        advanceMillis(2_000);
        limiter.acquire(Client.address("192.0.2.2"));

        assertThat(limiter.trackedClients()).as("only the client just seen").isEqualTo(1);
    }

    @Test
    void newAnonymousNetworksShareOneBucketWhileTheirTableIsFull() {
        RateLimiter limiter = limiter(1, 1, 2);
        assertThat(limiter.acquire(Client.address("192.0.2.1"))).isZero();
        assertThat(limiter.acquire(Client.address("192.0.2.2"))).isZero();

        assertThat(limiter.acquire(Client.address("192.0.2.3"))).isZero();
        assertThat(limiter.acquire(Client.address("192.0.2.4"))).as("the shared bucket is spent").isEqualTo(1);
        assertThat(limiter.trackedClients()).isEqualTo(2);
        assertThat(limiter.acquire(Client.address("192.0.2.1"))).as("known networks keep their own bucket")
                .isEqualTo(1);
    }

    @Test
    void anonymousNetworksNeverCrowdOutCallers() {
        RateLimiter limiter = limiter(1, 1, 2);
        for (int i = 1; i <= 10; i++) {
            limiter.acquire(Client.address("192.0.2." + i));
        }

        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(BOB)).isZero();
        assertThat(limiter.acquire(ALICE)).as("Alice is counted on her own").isEqualTo(1);
    }

    @Test
    void aNewCallerTakesThePlaceOfAnotherWhenCallersFillTheirTable() {
        RateLimiter limiter = limiter(1, 1, 2);
        assertThat(limiter.acquire(ALICE)).isZero();
        assertThat(limiter.acquire(BOB)).isZero();

        Client carol = Client.caller("carol", "HOSP-LYON");
        assertThat(limiter.acquire(carol)).as("never refused for want of room").isZero();
        assertThat(limiter.acquire(carol)).as("and counted in a bucket of her own").isEqualTo(1);
        assertThat(limiter.trackedClients()).isEqualTo(2);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        RateLimiter limiter = limiter(1, 2, 100);

        assertThat(limiter.acquire(Client.address("2001:db8:1:2::1"))).isZero();
        assertThat(limiter.acquire(Client.address("2001:db8:1:2:ffff:ffff:ffff:fffe"))).isZero();
        assertThat(limiter.acquire(Client.address("[2001:0db8:0001:0002:0:0:0:9]"))).as("the same /64").isEqualTo(1);
        assertThat(limiter.acquire(Client.address("2001:db8:1:3::1"))).as("the next /64").isZero();
    }

    @Test
    void networksAreNamedByAddressOrPrefix() {
        assertThat(Client.networkOf("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(Client.networkOf("::ffff:192.0.2.7")).as("IPv4-mapped").isEqualTo("192.0.2.7");
        assertThat(Client.networkOf("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Client.networkOf("0:0:0:0:0:0:0:1%0")).isEqualTo("::/64");
        assertThat(Client.networkOf("proxy.example")).as("a name is never looked up").isEqualTo("proxy.example");
    }

    private RateLimiter limiter(double perSecond, int burst, int maxClients) {
        return new RateLimiter(perSecond, burst, maxClients, now::get);
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
