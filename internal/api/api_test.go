package api

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/store"
	"qyzmet/internal/store/storetest"
)

// aliceApplication is a complete portal e-request of a criminal-record
// certificate about herself (CR-STD-8.3).
func aliceApplication() map[string]any {
	return map[string]any{
		"service": "criminal-record",
		"channel": "portal",
		"applicant": map[string]any{
			"kind": "individual", "iin": aliceIIN, "surname": "Ахметова", "given_name": "Алия",
			"phone": "+77010000001",
		},
		"documents": []map[string]any{{"id": "e-request", "provided": true}},
	}
}

// tables are the engine's tables and River's jobs: a request that fails must
// leave every count as it was.
var tables = []string{"casework_applications", "casework_events", "casework_outbox", "casework_idempotency", "river_job"}

func counts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := db.ReadTx(context.Background(), func(tx *store.Tx) error {
		for _, table := range tables {
			var n int
			if err := tx.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			out[table] = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// submit creates Alice's application and returns it.
func submit(t *testing.T, h http.Handler, key string) casework.Application {
	t.Helper()
	rec := do(t, h, "POST", Prefix+"/applications", tokenAlice, aliceApplication(), "Idempotency-Key", key)
	if rec.Code != http.StatusCreated {
		t.Fatalf("submit: status %d, want 201\n%s", rec.Code, rec.Body)
	}
	return decode[casework.Application](t, rec)
}

// TestAPILifecycle walks the main routes on both engines: create → get →
// events → command → conflict on a stale version → complaint → notifications.
func TestAPILifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		h, db := newAPI(t, e)

		app := submit(t, h, "lifecycle-1")
		if app.ID == "" || app.Service != "criminal-record" || app.Version < 1 {
			t.Fatalf("created application: %+v", app)
		}
		// Rule CR-STD-8.3: the e-request is on the checklist; CR-STD-3.1: the
		// application has its deadline.
		if len(app.Checklist) == 0 || len(app.Clocks) == 0 || app.DeadlineOn.IsZero() {
			t.Errorf("checklist %v, clocks %v, deadline %v: want all filled", app.Checklist, app.Clocks, app.DeadlineOn)
		}

		rec := do(t, h, "GET", Prefix+"/applications/"+app.ID, tokenAlice, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("get: status %d\n%s", rec.Code, rec.Body)
		}
		got := decode[casework.Application](t, rec)
		if got.ID != app.ID || got.Version != app.Version || got.State != app.State {
			t.Errorf("get = %s v%d %s, want %s v%d %s", got.ID, got.Version, got.State, app.ID, app.Version, app.State)
		}

		rec = do(t, h, "GET", Prefix+"/applications/"+app.ID+"/events", tokenAlice, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("events: status %d\n%s", rec.Code, rec.Body)
		}
		events := decode[eventList](t, rec).Events
		if len(events) == 0 || events[0].Type != "submit" || events[len(events)-1].Version != app.Version {
			t.Fatalf("events = %+v, want the submit first and the last at version %d", events, app.Version)
		}

		rec = do(t, h, "GET", Prefix+"/applications", tokenAlice, nil)
		list := decode[applicationList](t, rec)
		if rec.Code != http.StatusOK || len(list.Applications) != 1 || list.Applications[0].ID != app.ID {
			t.Fatalf("list: status %d, %d applications, want Alice's one", rec.Code, len(list.Applications))
		}

		// The officer starts the verification at the version read …
		cmd := map[string]any{"command": "start-verification", "expected_version": got.Version, "reason": "documents in order"}
		rec = do(t, h, "POST", Prefix+"/applications/"+app.ID+"/commands", tokenOfficer, cmd)
		if rec.Code != http.StatusOK {
			t.Fatalf("command: status %d\n%s", rec.Code, rec.Body)
		}
		after := decode[casework.Application](t, rec)
		if after.State != casework.StateVerification || after.Version <= got.Version {
			t.Errorf("after the command: %s v%d, want verification after v%d", after.State, after.Version, got.Version)
		}
		// … and the same command at the stale version is a conflict that changes nothing.
		before := counts(t, db)
		cmd["command"] = "issue"
		rec = do(t, h, "POST", Prefix+"/applications/"+app.ID+"/commands", tokenOfficer, cmd)
		if rec.Code != http.StatusConflict || errorOf(t, rec).Code != apperr.Conflict {
			t.Errorf("stale version: status %d %s, want 409 conflict", rec.Code, rec.Body)
		}
		if now := counts(t, db); !maps.Equal(now, before) {
			t.Errorf("a stale command changed the database: %v → %v", before, now)
		}

		t.Run("CP-7 complaint registered with a talon, once per key", func(t *testing.T) {
			complaint := map[string]any{
				"about":       app.ID,
				"complainant": map[string]any{"kind": "individual", "iin": aliceIIN, "surname": "Ахметова", "given_name": "Алия", "phone": "+77010000001", "address": "Астана, Мәңгілік Ел 8"},
				"addressee":   "provider", "form": "electronic", "text": "Анықтама кешікті.", "reply_method": "electronic",
			}
			rec := do(t, h, "POST", Prefix+"/complaints", tokenAlice, complaint, "Idempotency-Key", "complaint-1")
			if rec.Code != http.StatusCreated {
				t.Fatalf("complaint: status %d\n%s", rec.Code, rec.Body)
			}
			c := decode[casework.Application](t, rec)
			if c.Complaint == nil || c.Complaint.Talon.Number == "" || c.Complaint.About != app.ID {
				t.Errorf("complaint %+v, want a talon about %s", c.Complaint, app.ID)
			}
			if loc := rec.Header().Get("Location"); loc != Prefix+"/applications/"+c.ID {
				t.Errorf("Location %q", loc)
			}
			rec = do(t, h, "POST", Prefix+"/complaints", tokenAlice, complaint, "Idempotency-Key", "complaint-1")
			if again := decode[casework.Application](t, rec); rec.Code != http.StatusOK || again.ID != c.ID {
				t.Errorf("repeated complaint: status %d id %s, want 200 %s", rec.Code, again.ID, c.ID)
			}
		})

		rec = do(t, h, "GET", Prefix+"/notifications", tokenAlice, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("notifications: status %d\n%s", rec.Code, rec.Body)
		}
		notes := decode[notificationList](t, rec).Notifications
		for _, n := range notes {
			if n.Recipient != aliceIIN {
				t.Errorf("Alice sees a notification for %q", n.Recipient)
			}
		}

		rec = do(t, h, "GET", Prefix+"/commands", tokenOfficer, nil)
		if specs := decode[commandList](t, rec).Commands; rec.Code != http.StatusOK || len(specs) == 0 {
			t.Errorf("commands: status %d, %d commands", rec.Code, len(specs))
		}
	})
}

// TestAPIIdempotency: a repeated submit with one key is one application; the
// second answer is 200 with the same application; the same key with another
// body is a conflict.
func TestAPIIdempotency(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		h, db := newAPI(t, e)
		first := submit(t, h, "double-click")
		before := counts(t, db)

		rec := do(t, h, "POST", Prefix+"/applications", tokenAlice, aliceApplication(), "Idempotency-Key", "double-click")
		if rec.Code != http.StatusOK {
			t.Fatalf("repeat: status %d, want 200\n%s", rec.Code, rec.Body)
		}
		if again := decode[casework.Application](t, rec); again.ID != first.ID {
			t.Errorf("repeat returned %s, want %s", again.ID, first.ID)
		}
		if now := counts(t, db); !maps.Equal(now, before) {
			t.Errorf("the repeat changed the database: %v → %v", before, now)
		}

		other := aliceApplication()
		other["travel_abroad"] = true
		other["pickup_branch"] = "astana-esil"
		rec = do(t, h, "POST", Prefix+"/applications", tokenAlice, other, "Idempotency-Key", "double-click")
		if rec.Code != http.StatusConflict || errorOf(t, rec).Code != apperr.Conflict {
			t.Errorf("same key, other body: status %d %s, want 409 conflict", rec.Code, rec.Body)
		}
		if now := counts(t, db); !maps.Equal(now, before) {
			t.Errorf("the conflicting repeat changed the database: %v → %v", before, now)
		}

		// Keys belong to their actor: Bob's "double-click" is his own.
		bob := aliceApplication()
		bob["applicant"] = map[string]any{"kind": "individual", "iin": bobIIN, "surname": "Сейтов", "given_name": "Болат"}
		rec = do(t, h, "POST", Prefix+"/applications", tokenBob, bob, "Idempotency-Key", "double-click")
		if rec.Code != http.StatusCreated {
			t.Errorf("Bob with Alice's key: status %d, want 201\n%s", rec.Code, rec.Body)
		}
	})
}

// TestAPIHostileInput sends what a careless or hostile client sends; each gets
// a clear JSON error with the field at fault and changes nothing.
func TestAPIHostileInput(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		h, db := newAPI(t, e)
		alices := submit(t, h, "hostile-setup")
		idHeader := []string{"Idempotency-Key", "hostile"}

		withApplicant := func(change func(p map[string]any)) map[string]any {
			body := aliceApplication()
			change(body["applicant"].(map[string]any))
			return body
		}
		huge := `{"service": "criminal-record", "fields": {"x": "` + strings.Repeat("a", 2<<20) + `"}}`
		tests := []struct {
			name        string
			method      string
			path        string
			token       string
			body        any
			header      []string
			contentType string
			status      int
			code        apperr.Code
			field       string
		}{
			{"malformed JSON", "POST", "/applications", tokenAlice, `{"service": "criminal-record",`, idHeader, "", 400, apperr.Invalid, ""},
			{"not an object", "POST", "/applications", tokenAlice, `[1, 2]`, idHeader, "", 400, apperr.Invalid, "$"},
			{"two values", "POST", "/applications", tokenAlice, `{} {}`, idHeader, "", 400, apperr.Invalid, ""},
			{"empty body", "POST", "/applications", tokenAlice, ` `, idHeader, "", 400, apperr.Invalid, ""},
			{"unknown field", "POST", "/applications", tokenAlice, withApplicant(func(p map[string]any) { p["nickname"] = "Ali" }), idHeader, "", 400, apperr.Invalid, "applicant.nickname"},
			{"unknown field in an array", "POST", "/applications", tokenAlice, map[string]any{"service": "criminal-record", "documents": []any{map[string]any{"id": "e-request"}, map[string]any{"id": "x", "colour": "red"}}}, idHeader, "", 400, apperr.Invalid, "documents[1].colour"},
			{"wrong type", "POST", "/applications", tokenAlice, map[string]any{"service": "criminal-record", "travel_abroad": "yes"}, idHeader, "", 400, apperr.Invalid, "travel_abroad"},
			{"bad date", "POST", "/applications", tokenAlice, map[string]any{"service": "criminal-record", "subject": map[string]any{"relation": "self", "birth_date": "2020-02-30"}}, idHeader, "", 400, apperr.Invalid, "subject.birth_date"},
			{"2 MB body", "POST", "/applications", tokenAlice, huge, idHeader, "", 413, apperr.Invalid, ""},
			{"wrong content type", "POST", "/applications", tokenAlice, `service=criminal-record`, idHeader, "application/x-www-form-urlencoded", 415, apperr.Invalid, "Content-Type"},
			{"no Idempotency-Key", "POST", "/applications", tokenAlice, aliceApplication(), nil, "", 400, apperr.Invalid, "Idempotency-Key"},
			{"Idempotency-Key with a space", "POST", "/applications", tokenAlice, aliceApplication(), []string{"Idempotency-Key", "a b"}, "", 400, apperr.Invalid, "Idempotency-Key"},
			{"no token", "POST", "/applications", "", aliceApplication(), idHeader, "", 401, apperr.Unauthorized, "Authorization"},
			{"unknown token", "GET", "/applications/" + alices.ID, "tok-guess", nil, nil, "", 401, apperr.Unauthorized, "Authorization"},
			{"wrong IIN checksum", "POST", "/applications", tokenAlice, withApplicant(func(p map[string]any) { p["iin"] = badChecksum(aliceIIN) }), idHeader, "", 422, apperr.Invalid, "applicant.iin"},
			{"another applicant's application", "GET", "/applications/" + alices.ID, tokenBob, nil, nil, "", 404, apperr.NotFound, ""},
			{"another applicant's events", "GET", "/applications/" + alices.ID + "/events", tokenBob, nil, nil, "", 404, apperr.NotFound, ""},
			{"a command on another applicant's application", "POST", "/applications/" + alices.ID + "/commands", tokenBob, map[string]any{"command": "give-consent", "expected_version": alices.Version}, nil, "", 404, apperr.NotFound, ""},
			{"no such application", "GET", "/applications/no-such-id", tokenOfficer, nil, nil, "", 404, apperr.NotFound, ""},
			{"a role without permission", "POST", "/applications/" + alices.ID + "/commands", tokenAlice, map[string]any{"command": "start-verification", "expected_version": alices.Version}, nil, "", 403, apperr.Forbidden, ""},
			{"an operator on the portal", "POST", "/applications", tokenOperator, aliceApplication(), idHeader, "", 403, apperr.Forbidden, ""},
			{"no expected_version", "POST", "/applications/" + alices.ID + "/commands", tokenOfficer, map[string]any{"command": "start-verification"}, nil, "", 422, apperr.Invalid, "expected_version"},
			{"bad limit", "GET", "/applications?limit=0", tokenOfficer, nil, nil, "", 400, apperr.Invalid, "limit"},
			{"no such route", "GET", "/nothing-here", tokenOfficer, nil, nil, "", 404, apperr.NotFound, ""},
			{"wrong method", "DELETE", "/applications/" + alices.ID, tokenOfficer, nil, nil, "", 405, apperr.Invalid, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := counts(t, db)
				req := newRequest(t, tt.method, Prefix+tt.path, tt.token, tt.body, tt.header...)
				if tt.contentType != "" {
					req.Header.Set("Content-Type", tt.contentType)
				}
				rec := serve(h, req)
				if rec.Code != tt.status {
					t.Errorf("status %d, want %d\n%s", rec.Code, tt.status, rec.Body)
				}
				got := errorOf(t, rec)
				if got.Code != tt.code || got.Field != tt.field || got.Message == "" {
					t.Errorf("error = %+v, want code %q field %q and a message", got, tt.code, tt.field)
				}
				if now := counts(t, db); !maps.Equal(now, before) {
					t.Errorf("the request changed the database: %v → %v", before, now)
				}
			})
		}
	})
}

// TestAPIListPagesAndScopes: an applicant lists only their own applications;
// staff page through all of them with limit and next_before, newest first, and
// filter by state.
func TestAPIListPagesAndScopes(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		t.Parallel()
		clock := storetest.NewClock(start)
		h, _ := newAPIWithClock(t, e, clock)
		older := submit(t, h, "list-1")
		clock.Advance(time.Minute)
		newer := submit(t, h, "list-2")

		rec := do(t, h, "GET", Prefix+"/applications", tokenBob, nil)
		if got := decode[applicationList](t, rec); rec.Code != http.StatusOK || len(got.Applications) != 0 {
			t.Errorf("Bob lists %d of Alice's applications (status %d), want none", len(got.Applications), rec.Code)
		}

		rec = do(t, h, "GET", Prefix+"/applications?limit=1", tokenOfficer, nil)
		page1 := decode[applicationList](t, rec)
		if rec.Code != http.StatusOK || len(page1.Applications) != 1 || page1.Applications[0].ID != newer.ID || page1.NextBefore != newer.ID {
			t.Fatalf("page 1: status %d, %+v; want the newer application and next_before", rec.Code, page1)
		}
		rec = do(t, h, "GET", Prefix+"/applications?limit=1&before="+page1.NextBefore, tokenOfficer, nil)
		page2 := decode[applicationList](t, rec)
		if rec.Code != http.StatusOK || len(page2.Applications) != 1 || page2.Applications[0].ID != older.ID {
			t.Fatalf("page 2: status %d, %+v; want the older application", rec.Code, page2)
		}

		rec = do(t, h, "GET", Prefix+"/applications?state=verification", tokenOfficer, nil)
		if got := decode[applicationList](t, rec); rec.Code != http.StatusOK || len(got.Applications) != 0 || got.NextBefore != "" {
			t.Errorf("state=verification: status %d, %d applications, want none", rec.Code, len(got.Applications))
		}
		rec = do(t, h, "GET", Prefix+"/applications?state="+string(older.State), tokenOfficer, nil)
		if got := decode[applicationList](t, rec); rec.Code != http.StatusOK || len(got.Applications) != 2 {
			t.Errorf("state=%s: status %d, %d applications, want 2", older.State, rec.Code, len(got.Applications))
		}
	})
}
