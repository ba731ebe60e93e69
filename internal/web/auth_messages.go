package web

import "qyzmet/internal/i18n"

// authMessages are the words of the sign-in pages (auth*.go); init adds them
// to messages so that one lookup serves every page.
var authMessages = map[string]i18n.Text{
	"signin.title":           {KK: "Порталға кіру", RU: "Вход на портал", EN: "Sign in to the portal"},
	"signin.lead":            {KK: "ЖСН-ді енгізіңіз: порталдағы есептік жазбаңызда тіркелген ұялы телефон нөміріне бір реттік код жібереміз.", RU: "Введите ИИН: мы отправим одноразовый код на номер мобильного телефона, зарегистрированный в вашей учётной записи портала.", EN: "Enter your IIN: we send a one-time code to the mobile number registered on your portal account."},
	"signin.iin":             {KK: "ЖСН", RU: "ИИН", EN: "IIN"},
	"signin.iin_hint":        {KK: "Жеке сәйкестендіру нөмірі, 12 цифр", RU: "Индивидуальный идентификационный номер, 12 цифр", EN: "Individual identification number, 12 digits"},
	"signin.send":            {KK: "Код алу", RU: "Получить код", EN: "Get a code"},
	"signin.staff_link_lead": {KK: "Қызметкерсіз бе?", RU: "Вы сотрудник?", EN: "Member of staff?"},
	"signin.staff_link":      {KK: "Қызметкерлердің кіруі", RU: "Вход для сотрудников", EN: "Staff sign-in"},
	"signin.refused":         {KK: "Пішін басқа сайттан жіберілгендіктен немесе ескіргендіктен қабылданбады. Бетті қайта ашып, қайталаңыз.", RU: "Форма отклонена: она отправлена с другого сайта или устарела. Откройте страницу заново и повторите.", EN: "The form was refused: it came from another site or is out of date. Open the page again and retry."},
	"signin.rate_limited":    {KK: "Сіздің мекенжайыңыздан кіру әрекеттері тым көп. %s секундтан кейін қайталаңыз.", RU: "Слишком много попыток входа с вашего адреса. Повторите через %s с.", EN: "Too many sign-in attempts from your address. Try again in %s seconds."},
	"otp.title":              {KK: "Бір реттік код", RU: "Одноразовый код", EN: "One-time code"},
	"otp.sent_to":            {KK: "Код жіберілген нөмір:", RU: "Код отправлен на номер", EN: "We sent the code to"},
	"otp.valid":              {KK: "Код 5 минут жарамды.", RU: "Код действует 5 минут.", EN: "The code is valid for 5 minutes."},
	"otp.code":               {KK: "SMS-тегі код", RU: "Код из SMS", EN: "Code from the SMS"},
	"otp.code_hint":          {KK: "6 цифр", RU: "6 цифр", EN: "6 digits"},
	"otp.submit":             {KK: "Кіру", RU: "Войти", EN: "Sign in"},
	"otp.again":              {KK: "Жаңа код сұрау", RU: "Запросить новый код", EN: "Ask for a new code"},
	"staff.title":            {KK: "Қызметкерлердің кіруі", RU: "Вход для сотрудников", EN: "Staff sign-in"},
	"staff.lead":             {KK: "Әкімші берген логин мен құпиясөзді енгізіңіз.", RU: "Введите логин и пароль, выданные администратором.", EN: "Enter the login and password your administrator gave you."},
	"staff.login":            {KK: "Логин", RU: "Логин", EN: "Login"},
	"staff.password":         {KK: "Құпиясөз", RU: "Пароль", EN: "Password"},
	"staff.submit":           {KK: "Кіру", RU: "Войти", EN: "Sign in"},
	"signedin.title":         {KK: "Сіз жүйеге кірдіңіз", RU: "Вы вошли в систему", EN: "You are signed in"},
	"signedin.as":            {KK: "Сіз кірдіңіз:", RU: "Вы вошли как", EN: "Signed in as"},
	"signedin.roles":         {KK: "Рөлдер", RU: "Роли", EN: "Roles"},
	"signedin.branch":        {KK: "Бөлімше", RU: "Отделение", EN: "Branch"},
	"signout":                {KK: "Шығу", RU: "Выйти", EN: "Sign out"},
	"devsms.title":           {KK: "Әзірлеуге арналған SMS", RU: "SMS для разработки", EN: "Development SMS"},
	"devsms.lead":            {KK: "Демонстрациялық режим: хабарламалар жіберілмейді, тек осы жерде көрсетіледі.", RU: "Демонстрационный режим: сообщения не отправляются, а только показываются здесь.", EN: "Demonstration mode: messages are not sent, only shown here."},
	"devsms.at":              {KK: "Уақыты", RU: "Время", EN: "Time"},
	"devsms.phone":           {KK: "Нөмір", RU: "Номер", EN: "Number"},
	"devsms.text":            {KK: "Мәтін", RU: "Текст", EN: "Text"},
	"devsms.none":            {KK: "Хабарлама жоқ.", RU: "Сообщений нет.", EN: "No messages."},
	// Errors of internal/auth by key.
	"auth.no_phone":        {KK: "Бұл ЖСН үшін порталда ұялы телефон нөмірі тіркелмеген. Оны Мемлекеттік корпорацияның бөлімшесінде тіркеуге болады.", RU: "Для этого ИИН на портале не зарегистрирован номер мобильного телефона. Его можно зарегистрировать в отделении Госкорпорации.", EN: "No mobile number is registered on the portal for this IIN. You can register one at a State Corporation branch."},
	"auth.otp_format":      {KK: "Код — 6 цифр.", RU: "Код состоит из 6 цифр.", EN: "The code is 6 digits."},
	"auth.otp_wrong":       {KK: "Код дұрыс емес. Қалған әрекеттер: %s.", RU: "Неверный код. Осталось попыток: %s.", EN: "Wrong code. Attempts left: %s."},
	"auth.otp_used":        {KK: "Бұл код пайдаланылған. Жаңа код сұраңыз.", RU: "Этот код уже использован. Запросите новый код.", EN: "This code has been used already. Ask for a new code."},
	"auth.otp_expired":     {KK: "Кодтың мерзімі өтті немесе ол сұралмаған. Жаңа код сұраңыз.", RU: "Срок кода истёк или код не запрашивался. Запросите новый код.", EN: "The code has expired or was never asked for. Ask for a new code."},
	"auth.otp_locked":      {KK: "Әрекеттер таусылды. Жаңа код сұраңыз.", RU: "Попытки исчерпаны. Запросите новый код.", EN: "No attempts left. Ask for a new code."},
	"auth.otp_phone_rate":  {KK: "Бұл нөмірге кодтар тым жиі жіберілді. 15 минуттан кейін қайталаңыз.", RU: "На этот номер слишком часто отправлялись коды. Повторите через 15 минут.", EN: "Too many codes were sent to this number. Try again in 15 minutes."},
	"auth.bad_credentials": {KK: "Логин немесе құпиясөз қате.", RU: "Неверный логин или пароль.", EN: "Wrong login or password."},
	"auth.no_session":      {KK: "Жүйеге кіріңіз.", RU: "Войдите в систему.", EN: "Please sign in."},
}

func init() {
	for k, v := range authMessages {
		messages[k] = v
	}
}
