// Rules on single-file components (.vue, .svelte): the scripts are analysed in place, so a finding's line and
// column, and a fix's offsets, are the component file's own. Template expressions are not analysed.
import { runRuleTests } from './rule-tester';

const PATIENT = 'interface Patient { firstName: string; lastName: string; ssn: string; dateOfBirth: string }';

runRuleTests('no-phi-in-logs', {
  valid: [
    // the template shows the patient's name: templates are not analysed, and nothing there is a log
    { filename: 'src/PatientCard.vue', code: `<template>\n  <p>{{ patient.ssn }} {{ console.log(patient.ssn) }}</p>\n</template>\n<script setup lang="ts">\n${PATIENT}\ndefineProps<{ patient: Patient }>();\nconsole.log('mounted');\n</script>\n` },
    // a script block of another language, and one from a file, are not read
    { filename: 'src/PatientCard.vue', code: `<template><p/></template>\n<script lang="coffee">\nconsole.log patient.ssn\n</script>\n` },
    { filename: 'src/PatientCard.vue', code: `<template><p/></template>\n<script src="./card.js"></script>\n` },
  ],
  invalid: [
    {
      name: 'a Vue <script setup lang="ts"> logging a patient field: line and column in the .vue file',
      filename: 'src/PatientCard.vue',
      code: `<template>\n  <button @click="save">Save</button>\n</template>\n\n<script setup lang="ts">\n${PATIENT}\nconst props = defineProps<{ patient: Patient }>();\nfunction save() {\n    console.log('saving', props.patient.ssn);\n}\n</script>\n`,
      errors: [{ line: 9, column: 27, kinds: ['ssn'] }],
    },
    {
      name: 'Vue props declared by defineProps\'s type argument (inline, or an interface through withDefaults): typed fields only',
      filename: 'src/PatientHeader.vue',
      code: `<template><h1>{{ title }}</h1></template>\n<script setup lang="ts">\n${PATIENT}\ninterface Props { item: Patient; title?: string }\nconst props = withDefaults(defineProps<Props>(), { title: 'Patient' });\nconst inline = defineProps<{ record: Patient; heading: string }>();\nconsole.log(props.title, inline.heading);\nconsole.log(props.item.dateOfBirth);\nconsole.log(inline.record);\n</script>\n`,
      errors: [{ line: 8, column: 13, kinds: ['date-of-birth'] }, { line: 9, column: 13, kinds: ['date-of-birth', 'name', 'ssn'] }],
    },
    {
      name: 'a Vue 2 Options API component (plain <script>) and a CRLF file',
      filename: 'src/PatientList.vue',
      code: `<template>\r\n  <ul><li v-for="p in patients">{{ p.firstName }}</li></ul>\r\n</template>\r\n<script>\r\nexport default {\r\n  methods: {\r\n    select(patient) { console.log(patient.dateOfBirth); },\r\n  },\r\n};\r\n</script>\r\n`,
      errors: [{ line: 7, column: 35, kinds: ['date-of-birth'] }],
    },
    {
      name: 'a Svelte component\'s instance script',
      filename: 'src/Patient.svelte',
      code: `<script lang="ts">\n  ${PATIENT}\n  export let patient: Patient;\n  $: console.info(patient.lastName);\n</script>\n\n<h1>{patient.firstName}</h1>\n`,
      errors: [{ line: 4, column: 19, kinds: ['name'] }],
    },
  ],
});

runRuleTests('no-phi-in-browser-storage', {
  valid: [
    { filename: 'src/Settings.vue', code: `<template><input v-model="theme"></template>\n<script setup>\nimport { ref } from 'vue';\nconst theme = ref('dark');\nlocalStorage.setItem('theme', theme.value);\n</script>\n` },
  ],
  invalid: [
    {
      name: 'a Vue v-model declared by defineModel<T>(), stored',
      filename: 'src/PatientEditor.vue',
      code: `<template><input v-model="model.firstName"></template>\n<script setup lang="ts">\n${PATIENT}\nconst model = defineModel<Patient>({ required: true });\nwatch(model, () => sessionStorage.setItem('draft', JSON.stringify(model.value)));\n</script>\n`,
      errors: [{ line: 5, column: 52 }],
    },
    {
      name: 'a Vue component storing the patient it edits (both script blocks)',
      filename: 'src/PatientForm.vue',
      code: `<template>\n  <form @submit="submit"><input v-model="form.ssn"></form>\n</template>\n<script lang="ts">\nexport default { name: 'PatientForm' };\n</script>\n<script setup lang="ts">\nimport { reactive } from 'vue';\n${PATIENT}\nconst form = reactive<Patient>({ firstName: '', lastName: '', ssn: '', dateOfBirth: '' });\nfunction submit() {\n  localStorage.setItem('draft', JSON.stringify(form));\n}\n</script>\n`,
      errors: [{ line: 12, column: 33 }],
    },
  ],
});

runRuleTests('no-phi-in-url', {
  valid: [
    { filename: 'src/Search.vue', code: `<template><a :href="'/patients?ssn=' + ssn">x</a></template>\n<script setup lang="ts">\nimport { useRouter } from 'vue-router';\nconst router = useRouter();\nfunction go(page: number) { router.push({ path: '/patients', query: { page } }); }\n</script>\n` },
  ],
  invalid: [
    {
      name: 'a Vue component putting a patient identifier in a router query and a request URL',
      filename: 'src/Search.vue',
      code: `<template>\n  <button @click="find">Find</button>\n</template>\n<script setup lang="ts">\nimport axios from 'axios';\nimport { useRouter } from 'vue-router';\nconst router = useRouter();\nfunction find(ssn: string) {\n  router.push({ path: '/patients', query: { ssn } });\n  return axios.get(\`/api/patients?ssn=\${ssn}\`);\n}\n</script>\n`,
      errors: [{ line: 9, column: 43 }, { line: 10, column: 41 }],
    },
  ],
});

runRuleTests('no-cleartext-transport', {
  valid: [
    // a link in the template is not a connection the script makes (templates are not analysed)
    { filename: 'src/Help.vue', code: `<template>\n  <a href="http://example.org/help">help</a>\n</template>\n<script setup lang="ts">\nconst page = 'help';\n</script>\n` },
  ],
  invalid: [
    {
      name: 'the quick fix edits the .vue file at the script\'s own offsets, the template untouched',
      filename: 'src/Orders.vue',
      code: `<template>\n  <a href="http://example.org/help">help</a>\n</template>\n<script setup lang="ts">\nimport axios from 'axios';\nexport function load() {\n  return axios.get('http://api.example-lab.com/orders');\n}\n</script>\n`,
      errors: [{ line: 7, column: 20 }],
      output: `<template>\n  <a href="http://example.org/help">help</a>\n</template>\n<script setup lang="ts">\nimport axios from 'axios';\nexport function load() {\n  return axios.get('https://api.example-lab.com/orders');\n}\n</script>\n`,
    },
  ],
});
