package web

import (
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
)

// RateLimit is the e-Register's allowance per client: Burst questions at once,
// then one more every Every. The default (20 at once, then one every 6 seconds,
// 10 a minute) lets a bank clerk check a pile of papers and makes guessing the
// date of a known number (365 tries per year) take over half an hour per number
// and client.
type RateLimit struct {
	Burst int
	Every time.Duration
	// ClientIPHeader names the header that carries the client's address when the
	// server sits behind a reverse proxy that sets it (and overwrites any value
	// the client sent), such as "X-Real-IP". Empty: the connection's address.
	ClientIPHeader string
}

// Defaults of RateLimit and the bound on the clients remembered at once.
const (
	defaultBurst = 20
	defaultEvery = 6 * time.Second
	maxClients   = 100_000
)

// limiter is a token bucket per client address, in memory. Every process keeps
// its own: N processes behind a load balancer allow N times the rate, which is
// still a rate. A client is an IPv4 address or an IPv6 /64 (one subscriber's
// network, which can change the lower half of its address at will).
type limiter struct {
	rate RateLimit
	now  func() time.Time

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(rate RateLimit, now func() time.Time) *limiter {
	if rate.Burst <= 0 {
		rate.Burst = defaultBurst
	}
	if rate.Every <= 0 {
		rate.Every = defaultEvery
	}
	return &limiter{rate: rate, now: now, buckets: map[string]*bucket{}}
}

// allow takes one token from the client's bucket. When there is none it says how
// long until there will be one.
func (l *limiter) allow(r *http.Request) (bool, time.Duration) {
	key := l.client(r)
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxClients {
			l.sweep(now)
		}
		if len(l.buckets) >= maxClients {
			// Under a flood from more addresses than we remember, new clients
			// wait rather than the memory growing without bound.
			return false, l.rate.Every
		}
		b = &bucket{tokens: float64(l.rate.Burst), at: now}
		l.buckets[key] = b
	}
	b.tokens = min(float64(l.rate.Burst), b.tokens+float64(now.Sub(b.at))/float64(l.rate.Every))
	b.at = now
	if now.Sub(l.lastSweep) > time.Minute {
		l.sweep(now)
	}
	if b.tokens < 1 {
		return false, time.Duration(math.Ceil((1 - b.tokens) * float64(l.rate.Every)))
	}
	b.tokens--
	return true, 0
}

// sweep forgets the clients whose buckets have filled up again: they are
// indistinguishable from clients never seen.
func (l *limiter) sweep(now time.Time) {
	full := time.Duration(l.rate.Burst) * l.rate.Every
	for k, b := range l.buckets {
		if now.Sub(b.at) >= full {
			delete(l.buckets, k)
		}
	}
	l.lastSweep = now
}

// client is the key of the request's client.
func (l *limiter) client(r *http.Request) string {
	addr := r.RemoteAddr
	if l.rate.ClientIPHeader != "" {
		if v := strings.TrimSpace(r.Header.Get(l.rate.ClientIPHeader)); v != "" {
			addr = v
		}
	}
	if host, _, err := net.SplitHostPort(addr); err == nil {
		addr = host
	}
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// retryAfter is the Retry-After header's value: whole seconds, at least one.
func retryAfter(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}
