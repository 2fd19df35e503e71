import type { LeadMode, ProgramLevel } from '@advisordesk/shared';
import type { FieldName } from './inquiry';

/**
 * Every word the form shows, by language: English, and Hindi shipped with the product. A language
 * the notice has but this table lacks shows the notice in that language and the form in English.
 * (A plain table, not an i18n library: the widget stays small.)
 */
export interface WidgetStrings {
  /** The `lang` attribute of the form. */
  lang: string;
  language: string;
  title: string;
  intro: string;
  optional: string;
  loading: string;
  tryAgain: string;
  labels: Record<FieldName, string>;
  countryCode: (label: string) => string;
  phoneHint: string;
  guardianPhoneHint: string;
  selectCourse: string;
  notSure: string;
  anyLevel: string;
  anyMode: string;
  levels: Partial<Record<ProgramLevel, string>>;
  modes: Partial<Record<LeadMode, string>>;
  yes: string;
  no: string;
  guardianLegend: string;
  guardianIntro: string;
  guardianConsent: string;
  consentLegend: string;
  consentWhatsapp: string;
  consentMarketing: string;
  notice: {
    more: string;
    data: string;
    purposes: string;
    withdrawal: string;
    rights: string;
    board: string;
    contact: string;
    fullNotice: string;
    dataRights: string;
  };
  send: string;
  sending: string;
  sendingStatus: string;
  retrying: string;
  rateLimited: string;
  offline: string;
  failed: string;
  errors: {
    fullName: string;
    tooShort: string;
    tooLong: (max: number) => string;
    phone: string;
    phoneInternational: string;
    phoneIndia: string;
    phoneCountry: (country: string) => string;
    email: string;
    city: string;
    minor: string;
    guardianName: string;
    guardianPhone: string;
    guardianConsent: string;
  };
  thanks: {
    title: (firstName: string) => string;
    reference: [string, string];
    next: string;
    whatsapp: (phone: string) => string;
    whatsappThen: string;
    call: (phone: string) => string;
    callThen: string;
    minor: string;
    keep: string;
  };
}

export const ENGLISH: WidgetStrings = {
  lang: 'en',
  language: 'Language',
  title: 'Quick Inquiry',
  intro: 'Enter your details to receive customised university comparisons directly on WhatsApp.',
  optional: ' (optional)',
  loading: 'Loading the form…',
  tryAgain: 'Try again',
  labels: {
    fullName: 'Full name',
    phone: 'WhatsApp number',
    email: 'Email',
    city: 'City',
    courseInterest: 'Course of interest',
    level: 'Level',
    mode: 'Mode',
    'consent.whatsapp': 'WhatsApp updates',
    'consent.marketing': 'Marketing',
    minor: 'Are you under 18?',
    'guardian.fullName': "Parent or guardian's name",
    'guardian.phone': "Parent or guardian's mobile number",
    'guardian.consent': "Parent or guardian's consent",
  },
  countryCode: (label) => `Country code of the ${label.toLowerCase()}`,
  phoneHint: 'Your university comparisons are sent here.',
  guardianPhoneHint: 'An advisor may call them to confirm.',
  selectCourse: 'Select a course',
  notSure: 'Not sure yet',
  anyLevel: 'Any level',
  anyMode: 'Any mode',
  levels: {},
  modes: {},
  yes: 'Yes',
  no: 'No',
  guardianLegend: 'Parent or guardian',
  guardianIntro: 'As you are under 18, a parent or guardian must agree before you send this form.',
  guardianConsent:
    'I am their parent or guardian. I agree to these details being used to answer this inquiry, and to an advisor contacting us about it.',
  consentLegend: 'How we may contact you',
  consentWhatsapp: 'Send me WhatsApp updates about this inquiry',
  consentMarketing: 'Also send me news about courses and offers (marketing). I can stop these at any time.',
  notice: {
    more: 'Read the notice: the data, why, your rights and whom to contact',
    data: 'The personal data we collect',
    purposes: 'What we use it for',
    withdrawal: 'Withdrawing your consent',
    rights: 'Your rights',
    board: 'Complaints',
    contact: 'Whom to contact',
    fullNotice: 'Read the full notice',
    dataRights: 'Your data rights',
  },
  send: 'Send inquiry',
  sending: 'Sending…',
  sendingStatus: 'Sending your inquiry…',
  retrying: 'The connection dropped — trying again…',
  rateLimited: 'Too many requests — please try again in a minute',
  offline: "We couldn't send your inquiry. Check your internet connection and try again — your details are still here.",
  failed: 'Something went wrong on our side. Please try again.',
  errors: {
    fullName: 'Enter your full name',
    tooShort: 'Enter at least 2 characters',
    tooLong: (max) => `Use at most ${max} characters`,
    phone: 'Enter your WhatsApp number',
    phoneInternational: 'Enter a valid mobile number with its country code, e.g. +91 98765 43210',
    phoneIndia: 'Enter a valid 10-digit mobile number, e.g. 98765 43210',
    phoneCountry: (country) => `Enter a valid ${country} mobile number`,
    email: 'Enter a valid email address, e.g. name@example.com, or leave it empty',
    city: 'Enter your city',
    minor: 'Please answer: are you under 18?',
    guardianName: "Enter your parent or guardian's name",
    guardianPhone: "Enter your parent or guardian's mobile number",
    guardianConsent: 'Your parent or guardian must agree before you can send this form',
  },
  thanks: {
    title: (firstName) => `Thank you, ${firstName}!`,
    reference: ['We have your inquiry. Your reference is ', '.'],
    next: 'What happens next',
    whatsapp: (phone) => `An advisor will WhatsApp you on ${phone} within one working day.`,
    whatsappThen: 'They will ask about your goals and send you customised university comparisons with exact fees, on WhatsApp.',
    call: (phone) => `An advisor will call you on ${phone} within one working day.`,
    callThen:
      'They will ask about your goals and share customised university comparisons with exact fees. You did not ask for WhatsApp updates, so we will not message you there unless you tell the advisor you would like that.',
    minor: 'As you are under 18, your parent or guardian may be called to confirm.',
    keep: 'Keep your reference handy in case you contact us.',
  },
};

export const HINDI: WidgetStrings = {
  lang: 'hi',
  language: 'भाषा',
  title: 'त्वरित पूछताछ',
  intro: 'अपनी जानकारी दें और अपने लिए चुनी गई विश्वविद्यालयों की तुलना सीधे WhatsApp पर पाएँ।',
  optional: ' (वैकल्पिक)',
  loading: 'फ़ॉर्म लोड हो रहा है…',
  tryAgain: 'फिर से कोशिश करें',
  labels: {
    fullName: 'पूरा नाम',
    phone: 'WhatsApp नंबर',
    email: 'ईमेल',
    city: 'शहर',
    courseInterest: 'आपकी रुचि का कोर्स',
    level: 'स्तर',
    mode: 'पढ़ाई का तरीका',
    'consent.whatsapp': 'WhatsApp अपडेट',
    'consent.marketing': 'मार्केटिंग',
    minor: 'क्या आपकी आयु 18 वर्ष से कम है?',
    'guardian.fullName': 'माता-पिता या अभिभावक का नाम',
    'guardian.phone': 'माता-पिता या अभिभावक का मोबाइल नंबर',
    'guardian.consent': 'माता-पिता या अभिभावक की सहमति',
  },
  countryCode: (label) => `${label} का देश कोड`,
  phoneHint: 'विश्वविद्यालयों की तुलना इसी नंबर पर भेजी जाएगी।',
  guardianPhoneHint: 'पुष्टि के लिए सलाहकार उन्हें कॉल कर सकते हैं।',
  selectCourse: 'कोर्स चुनें',
  notSure: 'अभी तय नहीं',
  anyLevel: 'कोई भी स्तर',
  anyMode: 'कोई भी तरीका',
  levels: { UG: 'स्नातक (UG) डिग्री', PG: 'स्नातकोत्तर (PG) डिग्री', diploma: 'डिप्लोमा', certificate: 'सर्टिफ़िकेट' },
  modes: { online: 'ऑनलाइन', distance: 'दूरस्थ शिक्षा', regular: 'नियमित', hybrid: 'हाइब्रिड' },
  yes: 'हाँ',
  no: 'नहीं',
  guardianLegend: 'माता-पिता या अभिभावक',
  guardianIntro: 'आपकी आयु 18 वर्ष से कम है, इसलिए यह फ़ॉर्म भेजने से पहले माता-पिता या अभिभावक की सहमति ज़रूरी है।',
  guardianConsent:
    'मैं इनका/इनकी माता-पिता या अभिभावक हूँ। मैं सहमत हूँ कि इस पूछताछ का उत्तर देने के लिए यह जानकारी उपयोग की जाए और सलाहकार इसके बारे में हमसे संपर्क करें।',
  consentLegend: 'हम आपसे कैसे संपर्क कर सकते हैं',
  consentWhatsapp: 'इस पूछताछ के बारे में मुझे WhatsApp पर अपडेट भेजें',
  consentMarketing: 'मुझे कोर्स और ऑफ़र की जानकारी भी भेजें (मार्केटिंग)। मैं इन्हें कभी भी बंद कर सकता/सकती हूँ।',
  notice: {
    more: 'सूचना पढ़ें: कौन-सी जानकारी, क्यों, आपके अधिकार और किससे संपर्क करें',
    data: 'हम कौन-सी व्यक्तिगत जानकारी लेते हैं',
    purposes: 'हम इसका उपयोग किसलिए करते हैं',
    withdrawal: 'सहमति वापस लेना',
    rights: 'आपके अधिकार',
    board: 'शिकायत',
    contact: 'किससे संपर्क करें',
    fullNotice: 'पूरी सूचना पढ़ें',
    dataRights: 'आपके डेटा अधिकार',
  },
  send: 'पूछताछ भेजें',
  sending: 'भेजा जा रहा है…',
  sendingStatus: 'आपकी पूछताछ भेजी जा रही है…',
  retrying: 'कनेक्शन टूट गया — फिर से कोशिश की जा रही है…',
  rateLimited: 'बहुत अधिक अनुरोध — कृपया एक मिनट बाद फिर से कोशिश करें',
  offline: 'आपकी पूछताछ नहीं भेजी जा सकी। अपना इंटरनेट कनेक्शन जाँचें और फिर से कोशिश करें — आपकी जानकारी यहीं सुरक्षित है।',
  failed: 'हमारी ओर से कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें।',
  errors: {
    fullName: 'अपना पूरा नाम लिखें',
    tooShort: 'कम से कम 2 अक्षर लिखें',
    tooLong: (max) => `अधिकतम ${max} अक्षर लिखें`,
    phone: 'अपना WhatsApp नंबर लिखें',
    phoneInternational: 'देश कोड के साथ सही मोबाइल नंबर लिखें, जैसे +91 98765 43210',
    phoneIndia: 'सही 10 अंकों का मोबाइल नंबर लिखें, जैसे 98765 43210',
    phoneCountry: (country) => `${country} का सही मोबाइल नंबर लिखें`,
    email: 'सही ईमेल पता लिखें, जैसे name@example.com, या इसे खाली छोड़ दें',
    city: 'अपना शहर लिखें',
    minor: 'कृपया बताएँ: क्या आपकी आयु 18 वर्ष से कम है?',
    guardianName: 'अपने माता-पिता या अभिभावक का नाम लिखें',
    guardianPhone: 'अपने माता-पिता या अभिभावक का मोबाइल नंबर लिखें',
    guardianConsent: 'यह फ़ॉर्म भेजने से पहले आपके माता-पिता या अभिभावक की सहमति ज़रूरी है',
  },
  thanks: {
    title: (firstName) => `धन्यवाद, ${firstName}!`,
    reference: ['हमें आपकी पूछताछ मिल गई है। आपका संदर्भ नंबर है ', '।'],
    next: 'आगे क्या होगा',
    whatsapp: (phone) => `एक सलाहकार एक कार्य-दिवस के भीतर ${phone} पर आपको WhatsApp करेंगे।`,
    whatsappThen: 'वे आपके लक्ष्यों के बारे में पूछेंगे और सटीक फ़ीस के साथ विश्वविद्यालयों की तुलना आपको WhatsApp पर भेजेंगे।',
    call: (phone) => `एक सलाहकार एक कार्य-दिवस के भीतर ${phone} पर आपको कॉल करेंगे।`,
    callThen:
      'वे आपके लक्ष्यों के बारे में पूछेंगे और सटीक फ़ीस के साथ विश्वविद्यालयों की तुलना साझा करेंगे। आपने WhatsApp अपडेट नहीं माँगे, इसलिए जब तक आप सलाहकार से न कहें, हम आपको वहाँ संदेश नहीं भेजेंगे।',
    minor: 'आपकी आयु 18 वर्ष से कम है, इसलिए पुष्टि के लिए आपके माता-पिता या अभिभावक को कॉल किया जा सकता है।',
    keep: 'हमसे संपर्क करते समय काम आने के लिए अपना संदर्भ नंबर संभालकर रखें।',
  },
};

/** The form's words in `language`, or in English when the widget has no table for it. */
export function stringsFor(language: string | undefined): WidgetStrings {
  return language === HINDI.lang ? HINDI : ENGLISH;
}
