package ui

import (
	"errors"
	"fmt"
	"sync"

	"qyzmet/internal/apperr"
	"qyzmet/internal/casework"
	"qyzmet/internal/i18n"
	"qyzmet/internal/iin"
)

// The interface's words by key. Each area adds its own with Add from an init
// function; a key missing here shows as itself, which the areas' tests catch
// (Missing).
var (
	mu       sync.RWMutex
	messages = map[string]i18n.Text{}
)

// Add registers words. A key added twice, or a text without all three
// languages, is a programming error and panics at start-up.
func Add(m map[string]i18n.Text) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range m {
		if _, dup := messages[k]; dup {
			panic("ui: message " + k + " added twice")
		}
		if !v.Complete() {
			panic("ui: message " + k + " lacks a language")
		}
		messages[k] = v
	}
}

// T is the message of key in l; an unknown key is returned as it is.
func T(key string, l i18n.Lang) string {
	if t, ok := Lookup(key); ok {
		return t.In(l)
	}
	return key
}

// Tf is T with fmt.Sprintf arguments.
func Tf(key string, l i18n.Lang, args ...any) string {
	return fmt.Sprintf(T(key, l), args...)
}

// Lookup is the message of key.
func Lookup(key string) (i18n.Text, bool) {
	mu.RLock()
	defer mu.RUnlock()
	t, ok := messages[key]
	return t, ok
}

// ErrText is an error in the user's language: an IIN's or BIN's own message
// (which digit is wrong), the engine's own text (which names the rule), else a message registered under the error's key, else the
// generic text of its code. Internal details never reach the page.
func ErrText(err error, l i18n.Lang) string {
	var ie *iin.Error
	if errors.As(err, &ie) {
		return ie.Message(l)
	}
	if t, ok := casework.TextOf(err); ok {
		return t.In(l)
	}
	if t, ok := Lookup(apperr.KeyOf(err)); ok {
		return t.In(l)
	}
	return apperr.Generic[apperr.GenericKey(apperr.CodeOf(err))].In(l)
}

// Status is the HTTP status of a page that shows err.
func Status(err error) int {
	switch apperr.CodeOf(err) {
	case apperr.Invalid:
		return 422
	case apperr.NotFound:
		return 404
	case apperr.Unauthorized:
		return 401
	case apperr.Forbidden:
		return 403
	case apperr.Conflict:
		return 409
	}
	return 500
}

// FormError is a failed form: the error next to its field when it has one,
// else as a notice at the top of the form.
type FormError struct {
	Fields map[string]string
	Notice string
}

// NewFormError places err: casework errors name their field ("applicant.iin"),
// which a form names the same way (the input's name, dots and all).
func NewFormError(err error, l i18n.Lang) FormError {
	text := ErrText(err, l)
	if f := casework.FieldOf(err); f != "" {
		return FormError{Fields: map[string]string{f: text}}
	}
	return FormError{Notice: text}
}

// Field is the error of one field, or "".
func (f FormError) Field(name string) string { return f.Fields[name] }

// Any reports whether there is an error at all.
func (f FormError) Any() bool { return len(f.Fields) > 0 || f.Notice != "" }

func init() {
	Add(map[string]i18n.Text{
		"app.name":          {KK: "Qyzmet — мемлекеттік қызметтер", RU: "Qyzmet — государственные услуги", EN: "Qyzmet — state services"},
		"app.tagline":       {KK: "Соттылық туралы анықтама, апостиль және мұрағаттық анықтамалар", RU: "Справки о судимости, апостиль и архивные справки", EN: "Criminal-record certificates, apostilles and archival certificates"},
		"nav.skip":          {KK: "Негізгі мазмұнға өту", RU: "Перейти к основному содержанию", EN: "Skip to main content"},
		"nav.main":          {KK: "Негізгі мәзір", RU: "Главное меню", EN: "Main menu"},
		"nav.services":      {KK: "Қызметтер", RU: "Услуги", EN: "Services"},
		"nav.verify":        {KK: "Құжатты тексеру", RU: "Проверить документ", EN: "Verify a document"},
		"nav.signin":        {KK: "Кіру", RU: "Войти", EN: "Sign in"},
		"nav.signout":       {KK: "Шығу", RU: "Выйти", EN: "Sign out"},
		"nav.language":      {KK: "Тіл", RU: "Язык", EN: "Language"},
		"nav.cabinet":       {KK: "Жеке кабинет", RU: "Личный кабинет", EN: "My cabinet"},
		"nav.front_desk":    {KK: "Қабылдау үстелі", RU: "Фронт-офис", EN: "Front desk"},
		"nav.provider_desk": {KK: "Қызмет берушінің үстелі", RU: "Рабочее место услугодателя", EN: "Provider desk"},
		"nav.complaints":    {KK: "Шағымдар", RU: "Жалобы", EN: "Complaints"},
		"nav.quality":       {KK: "Сапа бақылауы", RU: "Контроль качества", EN: "Quality control"},
		"nav.admin":         {KK: "Әкімшілік", RU: "Администрирование", EN: "Administration"},
		"nav.signed_in_as":  {KK: "Кірген:", RU: "Вы вошли как", EN: "Signed in as"},
		"footer.law":        {KK: "Мерзімдер Қазақстан Республикасының Еңбек кодексі бойынша жұмыс күндерімен есептеледі (Астана уақыты).", RU: "Сроки исчисляются в рабочих днях по Трудовому кодексу Республики Казахстан (время Астаны).", EN: "Deadlines are counted in working days under the Labour Code of Kazakhstan (Astana time)."},
		"error.notfound":    {KK: "Бет табылмады", RU: "Страница не найдена", EN: "Page not found"},
		"error.forbidden":   {KK: "Бұл бет сіздің рөліңізге қолжетімсіз", RU: "Эта страница недоступна для вашей роли", EN: "This page is not open to your role"},
		"error.refused":     {KK: "Пішін басқа сайттан жіберілгендіктен немесе ескіргендіктен қабылданбады. Бетті қайта ашып, қайталаңыз.", RU: "Форма отклонена: она отправлена с другого сайта или устарела. Откройте страницу заново и повторите.", EN: "The form was refused: it came from another site or is out of date. Open the page again and retry."},
		"error.back":        {KK: "Басты бетке оралу", RU: "Вернуться на главную", EN: "Back to the start page"},
		"error.title":       {KK: "Әрекет орындалмады", RU: "Действие не выполнено", EN: "The action was not done"},
		"form.errors":       {KK: "Пішінде қателер бар: олар өрістердің жанында көрсетілген.", RU: "В форме есть ошибки: они показаны рядом с полями.", EN: "The form has errors: they are shown next to the fields."},
		"form.optional":     {KK: "міндетті емес", RU: "необязательно", EN: "optional"},
	})
}
