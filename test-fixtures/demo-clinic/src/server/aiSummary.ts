import OpenAI from 'openai';

// No BAA is on file with this vendor account (it is the team's personal-tier key).
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const SYSTEM_PROMPT =
  'You are a clinical documentation assistant. Summarize the visit in three bullet points for the referring physician.';

export async function summarizeVisit(patientName: string, clinicalNotes: string): Promise<string> {
  const messages = [
    { role: 'system' as const, content: SYSTEM_PROMPT },
    { role: 'user' as const, content: `Patient: ${patientName}\n\nVisit notes:\n${clinicalNotes}` },
  ];
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0.2 }); // expect: no-phi-to-third-party
  return completion.choices[0]?.message?.content ?? '';
}

export async function suggestTemplateWording(templateName: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Suggest friendlier wording for our "${templateName}" reminder email.` }], // safe: a template name, no patient data
  });
  return completion.choices[0]?.message?.content ?? '';
}
