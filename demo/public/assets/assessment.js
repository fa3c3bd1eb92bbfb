// The custom assessment page's settings: language and perspective are plain attributes of
// <lc-community>; every element inside follows them. The choice is kept in the address
// (?locale=da&perspective=business) so a link or a reload shows the same page.
const community = document.getElementById('community');
const form = document.getElementById('settings');
const fields = { locale: form.elements.namedItem('locale'), perspective: form.elements.namedItem('perspective') };
const params = new URLSearchParams(location.search);

function apply(name, value) {
  const field = fields[name];
  if (![...field.options].some((o) => o.value === value)) return;
  field.value = value;
  community.setAttribute(name, value);
}

for (const name of Object.keys(fields)) {
  const value = params.get(name);
  if (value) apply(name, value);
  fields[name].addEventListener('change', () => {
    apply(name, fields[name].value);
    params.set(name, fields[name].value);
    history.replaceState(null, '', `?${params}`);
  });
}
form.addEventListener('submit', (event) => event.preventDefault());
