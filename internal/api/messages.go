package api

import (
	"qyzmet/internal/apperr"
	"qyzmet/internal/i18n"
)

// messages are the API's own user-facing messages by key, in the three
// languages; a test checks that every key the package uses is here (or in
// apperr.Generic) with all three filled in.
var messages = map[string]i18n.Text{
	keyContentType: {
		KK: "Сұраныс денесі JSON болуы керек: Content-Type: application/json тақырыбын жіберіңіз.",
		RU: "Тело запроса должно быть в JSON: укажите заголовок Content-Type: application/json.",
		EN: "The request body must be JSON: send the header Content-Type: application/json.",
	},
	keyTooLarge: {
		KK: "Сұраныс денесі тым үлкен: 1 МиБ-тан аспауы керек.",
		RU: "Тело запроса слишком велико: допускается не более 1 МиБ.",
		EN: "The request body is too large: at most 1 MiB is accepted.",
	},
	keyMalformed: {
		KK: "Сұраныс денесі жарамды JSON емес.",
		RU: "Тело запроса не является корректным JSON.",
		EN: "The request body is not valid JSON.",
	},
	keyEmpty: {
		KK: "Сұраныс денесі бос: JSON нысанын жіберіңіз.",
		RU: "Тело запроса пустое: отправьте объект JSON.",
		EN: "The request body is empty: send a JSON object.",
	},
	keyUnknownField: {
		KK: "Сұраныста API білмейтін өріс бар: оның атауын тексеріңіз.",
		RU: "В запросе есть поле, которого API не знает: проверьте его название.",
		EN: "The request has a field this API does not know: check its name.",
	},
	keyWrongType: {
		KK: "Өрістің мәні дұрыс түрде не пішінде емес (мысалы, сан орнына мәтін; күн ЖЖЖЖ-АА-КК түрінде жазылады).",
		RU: "Значение поля неверного типа или формата (например, текст вместо числа; дата пишется как ГГГГ-ММ-ДД).",
		EN: "The value of the field has the wrong type or form (text instead of a number, for example; a date is written YYYY-MM-DD).",
	},
	keyIdempotencyKey: {
		KK: "Idempotency-Key тақырыбын жіберіңіз (1–255 көрінетін ASCII таңбасы): қайталанған сұраныс екінші өтінішті құрмайды.",
		RU: "Укажите заголовок Idempotency-Key (1–255 видимых символов ASCII): тогда повторный запрос не создаст второе заявление.",
		EN: "Send an Idempotency-Key header (1–255 visible ASCII characters), so that a repeated request does not create a second application.",
	},
	keyAuthMissing: {
		KK: "Жүйеге кіріңіз: Authorization: Bearer ТОКЕН тақырыбын жіберіңіз.",
		RU: "Войдите в систему: отправьте заголовок Authorization: Bearer ТОКЕН.",
		EN: "Sign in: send the header Authorization: Bearer TOKEN.",
	},
	keyAuthUnknown: {
		KK: "Токен жарамсыз немесе мерзімі өткен.",
		RU: "Токен недействителен или устарел.",
		EN: "The token is not valid or has expired.",
	},
	keyRouteNotFound: {
		KK: "API-де мұндай мекенжай жоқ.",
		RU: "В API нет такого адреса.",
		EN: "The API has no such address.",
	},
	keyMethodNotAllowed: {
		KK: "Бұл мекенжай мұндай әдісті қабылдамайды.",
		RU: "Этот адрес не принимает такой метод.",
		EN: "This address does not accept that method.",
	},
	keyExpectedVersion: {
		KK: "expected_version өрісін толтырыңыз: өтініштің сіз көрген нұсқасы.",
		RU: "Заполните поле expected_version: версию заявления, которую вы видели.",
		EN: "Fill in expected_version: the version of the application you saw.",
	},
	keyQueryInvalid: {
		KK: "Сұраныс параметрінің мәні жарамсыз.",
		RU: "Недопустимое значение параметра запроса.",
		EN: "A query parameter has a value that is not valid.",
	},
}

// The keys of messages, one constant each so that a typo does not compile.
const (
	keyContentType      = "api.body.content_type"
	keyTooLarge         = "api.body.too_large"
	keyMalformed        = "api.body.malformed"
	keyEmpty            = "api.body.empty"
	keyUnknownField     = "api.body.unknown_field"
	keyWrongType        = "api.body.wrong_type"
	keyIdempotencyKey   = "api.header.idempotency_key"
	keyAuthMissing      = "api.auth.missing"
	keyAuthUnknown      = "api.auth.unknown"
	keyRouteNotFound    = "api.route.not_found"
	keyMethodNotAllowed = "api.route.method_not_allowed"
	keyQueryInvalid     = "api.query.invalid"
	keyExpectedVersion  = "api.command.expected_version"
)

// lookup finds the translations of key among the API's messages, the generic
// messages of the error codes and the engine's messages.
func lookup(key string) (i18n.Text, bool) {
	for _, catalogue := range catalogues() {
		if t, ok := catalogue[key]; ok {
			return t, true
		}
	}
	return i18n.Text{}, false
}

// text is the message of key in lang; a key with no translation shows as itself,
// which the catalogue test prevents.
func text(key string, lang i18n.Lang) string {
	if t, ok := lookup(key); ok {
		return t.In(lang)
	}
	return key
}

// catalogues lists where messages are looked up, most specific first.
func catalogues() []map[string]i18n.Text {
	return []map[string]i18n.Text{messages, apperr.Generic}
}
