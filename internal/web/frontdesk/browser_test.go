package frontdesk_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"qyzmet/internal/browsertest"
	"qyzmet/internal/calendar"
	"qyzmet/internal/casework"
	"qyzmet/internal/queue"
	"qyzmet/internal/standard"
	"qyzmet/internal/web/webtest"
)

// screenshot saves a page as frontdesk-<name>.png in $QYZMET_SCREENSHOTS,
// else in a temporary directory.
func screenshot(t *testing.T, tab context.Context, name string) {
	webtest.Screenshot(t, tab, "frontdesk-"+name+".png")
}

// focused waits up to a second for the element with id want to have the
// focus (autofocus is applied after the load event) and returns the focused id.
func focused(t *testing.T, tab context.Context, want string) string {
	var got string
	for range 50 {
		got = browsertest.Get(t, tab, chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.tagName`))
		if got == want {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return got
}

// signIn signs the operator in through the staff sign-in page.
func (d *desk) signIn(t *testing.T, tab context.Context, lang string) {
	d.site.BrowserSignInStaff(t, tab, d.login, lang)
}

// A walk-in apostille received with the keyboard alone: the IIN typed into
// the focused search, the service chosen with Tab, the checklist ticked with
// Space, Enter accepts; the receipt for the documents follows (AC-12). Then
// an incomplete package is refused and its receipt lists what is missing
// (AC-15, AC-F2). Every page passes the accessibility check.
func TestBrowserWalkIn_AC_12_AC_15(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t)
	d.signIn(t, tab, "kk")
	if got := focused(t, tab, "iin"); got != "iin" {
		t.Fatalf("the desk opens with %q focused, want the IIN search", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "start")

	person := d.site.CleanCitizen(t, 11)
	today := calendar.DateOf(d.clock.Now())
	ref := d.gatewayPayment(t, person, "GW-BROWSER-1", d.apDue(t, today), "", today)
	browsertest.Do(t, tab, chromedp.KeyEvent(person))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.CheckA11y(t, tab)
	// The first service has the focus; the second is the prosecution apostille.
	browsertest.Do(t, tab, chromedp.KeyEvent("\t"))
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	if got := focused(t, tab, "documents-0-provided"); got != "documents-0-provided" {
		t.Fatalf("the intake form opens with %q focused, want the first checklist item", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "intake")
	// application, identity, the official document; skip the duty receipt,
	// the POA and the digital consent; the arrow picks the applicant's gateway payment (AC-10), past
	// the typed reference to the representative; Enter accepts.
	browsertest.Do(t, tab, chromedp.KeyEvent(" \t \t \t\t\t\t"+kb.ArrowDown+"\t\t"))
	if got := focused(t, tab, "representative-iin"); got != "representative-iin" {
		t.Fatalf("the keyboard reached %q, want the representative's IIN", got)
	}
	browsertest.Load(t, tab, chromedp.KeyEvent("\r"))
	browsertest.Do(t, tab, chromedp.WaitVisible(chromedp.CSS("article.paper")))
	if h := browsertest.Text(t, tab, "#receipt-h"); h != "Құжаттарды қабылдағаны туралы қолхат" {
		t.Errorf("after the intake: %q, want the receipt for the documents", h)
	}
	if got := browsertest.Text(t, tab, "article.paper"); !strings.Contains(got, "AC-12") || !strings.Contains(got, person) || !strings.Contains(got, ref) {
		t.Errorf("the receipt lacks the rule, the IIN or the payment:\n%s", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "receipt")

	// An incomplete package: no official document.
	other := d.site.CleanCitizen(t, 12)
	browsertest.Do(t, tab, chromedp.Navigate(d.site.Base+"/desk/front/person?iin="+other+"&service=apostille-prosecution"),
		chromedp.Click(chromedp.CSS("#documents-0-provided")), chromedp.Click(chromedp.CSS("#documents-1-provided")))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS("main form button.button-refuse")))
	browsertest.Do(t, tab, chromedp.WaitVisible(chromedp.CSS("ol.missing")))
	if got := browsertest.Text(t, tab, "ol.missing"); !strings.Contains(got, "апостиль қою үшін ұсынылатын") || strings.Contains(got, "жеке басты") {
		t.Errorf("the refusal receipt lists %q, want only the official document", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "refusal-receipt")
}

// A representative collects the result: a wrong POA number is refused next
// to its field; the right one hands it over (G-8). The shelf and the queue
// pass the accessibility check on the way.
func TestBrowserHandOverToRepresentative_G_8(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t)
	rep := d.rep(t, 13)
	app := d.ready(t, myBranch, d.site.CleanCitizen(t, 14), rep)
	d.signIn(t, tab, "ru")

	browsertest.Do(t, tab, chromedp.Navigate(d.site.Base+"/desk/front/queue"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "queue")
	browsertest.Do(t, tab, chromedp.Navigate(d.site.Base+"/desk/front/shelf"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "shelf")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`a[href="/desk/front/applications/`+app.ID+`"]`)))
	browsertest.CheckA11y(t, tab)

	browsertest.Do(t, tab, chromedp.SetValue(chromedp.CSS("#data-to"), "representative"),
		chromedp.SendKeys(chromedp.CSS("#data-id_document"), "N0456789"),
		chromedp.SendKeys(chromedp.CSS("#data-poa_number"), "POA-00/0000"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action$="/hand-over"] button`)))
	if got := browsertest.Text(t, tab, "#data-poa_number-error"); !strings.Contains(got, "доверенности не совпадает") {
		t.Errorf("the wrong POA number: %q next to the field, want the mismatch in Russian", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "handover-error")
	if got := d.get(t, app.ID); got.State != casework.StateReadyForPickup {
		t.Fatalf("the refused hand-over changed the state to %s", got.State)
	}

	browsertest.Do(t, tab, chromedp.Clear(chromedp.CSS("#data-poa_number")), chromedp.SendKeys(chromedp.CSS("#data-poa_number"), rep.POA.Number))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action$="/hand-over"] button`)))
	got := d.get(t, app.ID)
	if got.State != casework.StateHandedOver || got.Storage.HandedTo != "representative" {
		t.Fatalf("state %s to %q, want handed over to the representative", got.State, got.Storage.HandedTo)
	}
	if txt := browsertest.Text(t, tab, "main"); !strings.Contains(txt, "выдано") {
		t.Errorf("the page does not show the result handed over")
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "handed-over")
}

// The second round's pages in a browser: the check-in list and the home
// visits on the queue page (G-5, G-6), and the archival intake about a
// relative born in 1930, refused until the parents are given (AR-6.1), then
// accepted. Every page passes the accessibility check.
func TestBrowserCheckInAndArchiveParents_G_5_AR_6_1(t *testing.T) {
	tab := browsertest.New(t)
	d := newDesk(t)
	ctx := context.Background()
	slot := d.clock.Now().Add(15 * time.Minute).Truncate(15 * time.Minute)
	booked, err := d.site.Sys.Queue.Book(ctx, d.site.CleanCitizen(t, 40), queue.Booking{Branch: myBranch, Start: slot, Purpose: queue.PurposeSubmit,
		Service: standard.ArchivalCertificate})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.site.Sys.Queue.RequestHomeVisit(ctx, d.site.CleanCitizen(t, 41), queue.HomeVisit{Branch: myBranch,
		Address: "Астана қ., Сарайшық к., 5", Phone: "+77015550033", Reason: "мүгедектігі бар", Service: standard.CriminalRecord}, ""); err != nil {
		t.Fatal(err)
	}
	d.signIn(t, tab, "ru")
	browsertest.Do(t, tab, chromedp.Navigate(d.site.Base+"/desk/front/queue"))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "checkin")
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action="/desk/front/queue/arrive"] button`)))
	if got := browsertest.Text(t, tab, "#arrived"); !strings.Contains(got, booked.Number) {
		t.Errorf("after the check-in: %q, want %s named", got, booked.Number)
	}
	browsertest.CheckA11y(t, tab)

	person := d.site.CleanCitizen(t, 42)
	browsertest.Do(t, tab, chromedp.Navigate(d.site.Base+"/desk/front/person?iin="+person+"&service=archival-certificate"),
		chromedp.Click(chromedp.CSS("#documents-0-provided")), chromedp.Click(chromedp.CSS("#documents-1-provided")),
		chromedp.SetValue(chromedp.CSS("#subject-relation"), "third-party"),
		chromedp.SendKeys(chromedp.CSS("#subject-person-surname"), "Шмидт"),
		chromedp.SendKeys(chromedp.CSS("#subject-person-given_name"), "Эрих"),
		chromedp.SendKeys(chromedp.CSS("#fields-birth_year"), "1930"))
	browsertest.CheckA11y(t, tab)
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action="/desk/front/intake"] button[value="accept"]`)))
	if got := browsertest.Text(t, tab, "#fields-father_name-error"); !strings.Contains(got, "AR-6.1") {
		t.Fatalf("no parents' error next to the father's name: %q", got)
	}
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "archive-parents")
	browsertest.Do(t, tab, chromedp.SendKeys(chromedp.CSS("#fields-father_name"), "Шмидт Генрих"))
	browsertest.Load(t, tab, chromedp.Click(chromedp.CSS(`main form[action="/desk/front/intake"] button[value="accept"]`)))
	browsertest.Do(t, tab, chromedp.WaitVisible(chromedp.CSS("article.paper")))
	browsertest.CheckA11y(t, tab)
	screenshot(t, tab, "archive-receipt")
}
