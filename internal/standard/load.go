package standard

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"

	"go.yaml.in/yaml/v3"
)

// Files in a standards directory besides the standards themselves.
const (
	digestFile = "DIGEST.md" // the rule IDs every `rule` field must come from
	mciFile    = "mci.yaml"  // the MCI table
)

// Load reads every *.yaml of fsys — each file SERVICE.yaml holding the versions of
// one service as YAML documents, plus mci.yaml — and DIGEST.md, and checks them:
// unknown fields, unknown values, rule IDs DIGEST.md does not define, missing
// translations and inconsistencies are errors. All problems found are reported
// together; nothing is loaded unless everything is right.
func Load(fsys fs.FS) (*Set, error) {
	digest, err := fs.ReadFile(fsys, digestFile)
	if err != nil {
		return nil, errorf(ErrInvalid, digestFile,
			"ережелер дайджесті оқылмады: %v", "не удалось прочитать дайджест правил: %v",
			"cannot read the rules digest: %v", err)
	}
	set := &Set{versions: map[ServiceID][]*Standard{}, rules: ParseRuleIDs(digest)}
	if len(set.rules) == 0 {
		return nil, errorf(ErrInvalid, digestFile,
			"дайджестте ереже идентификаторы жоқ", "в дайджесте нет идентификаторов правил",
			"the digest defines no rule IDs")
	}
	files, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	var errs []error
	haveMCI := false
	for _, name := range files {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, errorf(ErrInvalid, name, "файл оқылмады: %v", "файл не прочитан: %v", "cannot read the file: %v", err))
			continue
		}
		if name == mciFile {
			haveMCI = true
			set.mci, err = decodeMCI(b, set.rules)
			if err != nil {
				errs = append(errs, err)
			}
			continue
		}
		docs, err := decodeStandards(name, b)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for i, std := range docs {
			where := name
			if len(docs) > 1 {
				where = fmt.Sprintf("%s#%d", name, i+1)
			}
			if problems := check(std, where, set.rules); len(problems) > 0 {
				errs = append(errs, problems...)
				continue
			}
			set.versions[std.Service] = append(set.versions[std.Service], std)
		}
	}
	if !haveMCI {
		errs = append(errs, errorf(ErrInvalid, mciFile,
			"айлық есептік көрсеткіштер кестесі жоқ", "нет таблицы месячных расчётных показателей",
			"the MCI table is missing"))
	}
	if len(errs) == 0 {
		errs = append(errs, set.checkAcross()...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// decodeStrict decodes every YAML document of b with unknown fields rejected.
func decodeStrict[T any](name string, b []byte) ([]*T, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var out []*T
	for {
		v := new(T)
		err := dec.Decode(v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, errorf(ErrInvalid, name,
				"YAML оқылмады: %v", "YAML не прочитан: %v", "cannot read the YAML: %v", err)
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, errorf(ErrInvalid, name, "файл бос", "файл пуст", "the file is empty")
	}
	return out, nil
}

// decodeStandards reads the versions in one service file; the file is named after
// the service.
func decodeStandards(name string, b []byte) ([]*Standard, error) {
	docs, err := decodeStrict[Standard](name, b)
	if err != nil {
		return nil, err
	}
	want := ServiceID(name[:len(name)-len(path.Ext(name))])
	for _, d := range docs {
		if d.Service != want {
			return nil, errorf(ErrInvalid, name,
				"файлда %q қызметі тұр, ал файл %q қызметіне арналған",
				"в файле услуга %q, а файл называется по услуге %q",
				"the file holds service %q but is named for %q", d.Service, want)
		}
	}
	return docs, nil
}

func decodeMCI(b []byte, rules map[string]bool) (MCITable, error) {
	docs, err := decodeStrict[MCITable](mciFile, b)
	if err != nil {
		return MCITable{}, err
	}
	if len(docs) != 1 {
		return MCITable{}, errorf(ErrInvalid, mciFile,
			"бір YAML құжаты күтілді", "ожидается один YAML-документ", "expected one YAML document")
	}
	t := *docs[0]
	c := &checker{where: mciFile, rules: rules}
	if t.ValidUntil.IsZero() {
		c.fail("valid_until", "күні берілмеген", "не указана дата", "no date given")
	}
	last := map[MCIPurpose]MCIValue{}
	for i, v := range t.Values {
		at := fmt.Sprintf("values[%d]", i)
		if v.From.IsZero() || v.Tenge <= 0 || v.Ref == "" {
			c.fail(at, "from, tenge (оң сан) және ref керек", "нужны from, tenge (положительное) и ref",
				"from, tenge (positive) and ref are required")
		}
		if len(v.AppliesTo) == 0 {
			c.fail(at+".applies_to", "мақсаты берілмеген", "не указано назначение", "no purpose given")
		}
		for _, p := range v.AppliesTo {
			if !oneOf(p, known.mciPurposes) {
				c.unknown(at+".applies_to", string(p), known.mciPurposes)
				continue
			}
			if prev, ok := last[p]; ok && !v.From.After(prev.From) {
				c.fail(at+".from", "%s күні алдыңғы %s мәнінен кейін болуы керек",
					"дата %s должна быть позже предыдущего значения от %s",
					"%s must come after the previous value of %s", v.From, prev.From)
			}
			last[p] = v
		}
	}
	if _, ok := last[PurposePayments]; !ok {
		c.fail("values", "төлемдерге арналған мән жоқ", "нет значений для платежей", "no value applies to payments")
	}
	c.walk(reflectValue(&t), "")
	if len(c.errs) > 0 {
		return MCITable{}, errors.Join(c.errs...)
	}
	return t, nil
}

// checkAcross checks what involves several files: versions of one service must
// not overlap, referenced services must exist, one-application combinations must
// be mutual, and the MCI table must cover every paid version from its start.
func (s *Set) checkAcross() []error {
	var errs []error
	fail := func(where, kk, ru, en string, args ...any) {
		errs = append(errs, errorf(ErrInvalid, where, kk, ru, en, args...))
	}
	for id, vs := range s.versions {
		slices.SortFunc(vs, func(a, b *Standard) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
		for i, v := range vs {
			where := fmt.Sprintf("%s.yaml (%s)", id, v.Version)
			if i > 0 {
				prev := vs[i-1]
				if prev.Version == v.Version {
					fail(where, "%q нұсқасы екі рет берілген", "редакция %q указана дважды", "version %q is given twice", v.Version)
				}
				if prev.EffectiveTo == nil || !prev.EffectiveTo.Before(v.EffectiveFrom) {
					fail(where,
						"%s нұсқасы %s бастап қолданылады, ал алдыңғы %s нұсқасының effective_to мәні одан бұрын аяқталмайды",
						"редакция %s действует с %s, а предыдущая редакция %s не заканчивается раньше (effective_to)",
						"version %s starts on %s but the previous version %s does not end before it (effective_to)",
						v.Version, v.EffectiveFrom, prev.Version)
				}
				if prev.Kind != v.Kind {
					fail(where, "нұсқалардың kind мәні әртүрлі", "у редакций разный kind", "versions differ in kind")
				}
			}
			for _, c := range v.Combinable {
				other, ok := s.versions[c.Service]
				if !ok {
					fail(where+": combinable", "%q қызметі жоқ", "нет услуги %q", "no service %q", c.Service)
					continue
				}
				mutual := slices.ContainsFunc(other, func(o *Standard) bool { _, ok := o.CombinesWith(id); return ok })
				if !mutual {
					fail(where+": combinable",
						"%s %s қызметімен біріктіріледі, бірақ %s стандартында %s жоқ",
						"%s сочетается с %s, но в стандарте %s нет %s",
						"%s combines with %s but no version of %s lists %s", id, c.Service, c.Service, id)
				}
			}
			if v.Complaints != nil {
				cs, ok := s.versions[v.Complaints.Service]
				if !ok || cs[0].Kind != KindComplaint {
					fail(where+": complaints",
						"%q шағым стандарты емес", "%q — не стандарт жалоб", "%q is not a complaint standard", v.Complaints.Service)
				}
			}
			if v.Fee != nil && !v.Fee.Free {
				if _, err := s.mci.lookup(v.EffectiveFrom, PurposePayments); err != nil {
					fail(where+": fee",
						"кестеде %s күнге айлық есептік көрсеткіш жоқ", "в таблице нет МРП на %s",
						"the MCI table has no value for %s", v.EffectiveFrom)
				}
			}
		}
	}
	return errs
}
