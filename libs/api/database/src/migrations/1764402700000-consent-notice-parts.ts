import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notice shipped with the product, in English (as of this migration). */
const ENGLISH = {
  text: 'We, the education advisory service that runs this website, use the personal data you give in this form only for the purposes listed here, and only with your consent. Each consent is separate: you may give one and not the other.',
  data: [
    'Your name',
    'Your mobile (WhatsApp) number',
    'Your email address, if you give it',
    'Your city',
    'The course, level and mode of study you are interested in, and your message',
    "If you are under 18: your parent or guardian's name and mobile number",
  ],
  purposes: [
    'To send you the university comparison you asked for, and to call or message you about it (WhatsApp updates)',
    'To advise you on courses, fees and admission, and to help you apply if you ask us to',
    'Only with your separate consent: to send you news of courses and offers (marketing)',
  ],
  withdrawal:
    'You can withdraw any consent at any time, as easily as you gave it: reply STOP on WhatsApp, use the link in our messages, or write to the contact below. We then stop at once. Withdrawing does not affect what was done before.',
  rights:
    'You may ask us for a summary of your personal data and how we use it; have it corrected, completed or updated; have it erased; have a grievance answered; and nominate someone to act for you if you die or cannot act. Write to the contact below.',
  board:
    'If we do not resolve your grievance, you may, after first raising it with us, complain to the Data Protection Board of India, set up under the Digital Personal Data Protection Act, 2023.',
};

/** The same notice in Hindi, the translation shipped with the product. */
const HINDI = {
  text: 'हम, यानी इस वेबसाइट को चलाने वाली शिक्षा सलाह सेवा, इस फ़ॉर्म में आपकी दी गई व्यक्तिगत जानकारी का उपयोग केवल यहाँ लिखे उद्देश्यों के लिए और केवल आपकी सहमति से करते हैं। हर सहमति अलग है: आप एक सहमति दे सकते हैं और दूसरी नहीं।',
  data: [
    'आपका नाम',
    'आपका मोबाइल (WhatsApp) नंबर',
    'आपका ईमेल पता, यदि आप दें',
    'आपका शहर',
    'जिस कोर्स, स्तर और पढ़ाई के तरीके में आपकी रुचि है, और आपका संदेश',
    'यदि आपकी आयु 18 वर्ष से कम है: आपके माता-पिता या अभिभावक का नाम और मोबाइल नंबर',
  ],
  purposes: [
    'आपकी माँगी गई विश्वविद्यालयों की तुलना आपको भेजने के लिए, और उसके बारे में आपको कॉल या संदेश करने के लिए (WhatsApp अपडेट)',
    'कोर्स, फ़ीस और प्रवेश के बारे में आपको सलाह देने के लिए, और आपके कहने पर आवेदन में आपकी मदद करने के लिए',
    'केवल आपकी अलग सहमति से: आपको कोर्स और ऑफ़र की जानकारी भेजने के लिए (मार्केटिंग)',
  ],
  withdrawal:
    'आप अपनी कोई भी सहमति किसी भी समय उतनी ही आसानी से वापस ले सकते हैं जितनी आसानी से आपने दी थी: WhatsApp पर STOP लिखकर भेजें, हमारे संदेशों में दिए गए लिंक का उपयोग करें, या नीचे दिए गए संपर्क को लिखें। इसके बाद हम तुरंत रुक जाते हैं। सहमति वापस लेने से पहले हुआ उपयोग इससे प्रभावित नहीं होता।',
  rights:
    'आप हमसे अपनी व्यक्तिगत जानकारी और उसके उपयोग का सारांश माँग सकते हैं; उसे सुधरवा, पूरा करवा या अद्यतन करवा सकते हैं; उसे मिटवा सकते हैं; अपनी शिकायत का उत्तर पा सकते हैं; और किसी व्यक्ति को नामित कर सकते हैं जो आपकी मृत्यु या असमर्थता की स्थिति में आपकी ओर से ये काम करे। इसके लिए नीचे दिए गए संपर्क को लिखें।',
  board:
    'यदि हम आपकी शिकायत का समाधान नहीं करते, तो पहले हमसे शिकायत करने के बाद आप डिजिटल व्यक्तिगत डेटा संरक्षण अधिनियम, 2023 के अंतर्गत बने भारतीय डेटा संरक्षण बोर्ड (Data Protection Board of India) से शिकायत कर सकते हैं।',
};

/**
 * A complete consent notice (DPDP Rules 2025, rule 3): each version gains the personal data it
 * covers, its purposes, how to withdraw, how to exercise rights, how to complain to the Board, the
 * operator's contact and translations; a lead keeps the language its consent was given in.
 * Existing versions are kept. An installation still on the shipped notice gets the complete
 * default (English and Hindi) as a new version, without a contact: only the operator can name one.
 */
export class ConsentNoticeParts1764402700000 implements MigrationInterface {
  name = 'ConsentNoticeParts1764402700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consent_notices
        ADD COLUMN data jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN purposes jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN withdrawal text NOT NULL DEFAULT '',
        ADD COLUMN rights text NOT NULL DEFAULT '',
        ADD COLUMN board text NOT NULL DEFAULT '',
        ADD COLUMN contact jsonb,
        ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`);
    const { text, data, purposes, withdrawal, rights, board } = ENGLISH;
    await q.query(
      `INSERT INTO consent_notices (version, text, url, data, purposes, withdrawal, rights, board, translations)
       SELECT 2, $1, url, $2, $3, $4, $5, $6, $7 FROM consent_notices
        WHERE version = 1 AND NOT EXISTS (SELECT 1 FROM consent_notices WHERE version > 1)`,
      [text, JSON.stringify(data), JSON.stringify(purposes), withdrawal, rights, board, JSON.stringify({ hi: HINDI })],
    );
    await q.query(`ALTER TABLE leads ADD COLUMN consent_language text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads DROP COLUMN consent_language`);
    await q.query(`
      ALTER TABLE consent_notices
        DROP COLUMN translations, DROP COLUMN contact, DROP COLUMN board, DROP COLUMN rights,
        DROP COLUMN withdrawal, DROP COLUMN purposes, DROP COLUMN data`);
  }
}
