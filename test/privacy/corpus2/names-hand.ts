// Hand-written names from traditions faker's locales lack or cover thinly, romanised as they usually
// reach a US or UK chart. [given names, family names] per tradition. Written for corpus2 alone.

import { words } from './vocab.ts';

export const HAND_NAMES: Record<string, readonly [readonly string[], readonly string[]]> = {
  igbo: [
    words('Chinonso|Ifeoma|Obinna|Nnamdi|Chiamaka|Uchenna|Adaeze|Ikenna|Chidinma|Emeka|Nkechi'),
    words('Okonkwo|Nwosu|Chukwu|Onyeka|Ugwu|Nnadi|Obiora|Anyanwu|Ezeji|Okeke|Nwachukwu'),
  ],
  akan: [
    words('Kwame|Kofi|Akosua|Yaw|Abena|Kwabena|Efua|Adjoa|Kwesi|Afia|Kojo'),
    words('Mensah|Asante|Owusu|Boateng|Appiah|Ofori|Darko|Amoah|Antwi|Osei|Agyeman'),
  ],
  wolof: [
    words('Moussa|Aminata|Cheikh|Fatou|Ousmane|Mariama|Abdoulaye|Ndeye|Modou|Astou'),
    words('Diop|Ndiaye|Sow|Sarr|Gueye|Faye|Cissé|Mbaye|Thiam|Diagne|Seck'),
  ],
  hausa_mandinka: [
    words('Abubakar|Hauwa|Usman|Zainab|Lamin|Binta|Ebrima|Haruna|Salamatu|Isatou'),
    words('Danjuma|Garba|Lawal|Jammeh|Touray|Ceesay|Darboe|Sanneh|Bojang|Yakubu'),
  ],
  ewe_liberian: [
    words('Kossi|Afi|Mawuli|Enyonam|Sekou|Comfort|Nyanpu|Gbessay'),
    words('Agbeko|Amegah|Kpodo|Kollie|Flomo|Kromah|Sirleaf|Gbowee'),
  ],
  tamil_telugu: [
    words('Karthik|Senthil|Lakshmi|Murugan|Kavitha|Srinivas|Lavanya|Venkatesh|Meenakshi|Arjun'),
    words('Subramanian|Venkatesan|Krishnan|Arumugam|Naidu|Chowdary|Ramaswamy|Palaniappan|Iyer'),
  ],
  punjabi_gujarati: [
    words('Gurpreet|Harjit|Manpreet|Jaswinder|Navjot|Hetal|Bhavesh|Nirav|Harleen|Jigna'),
    words('Sandhu|Dhillon|Grewal|Sidhu|Brar|Desai|Mehta|Trivedi|Chauhan|Bhatt'),
  ],
  bengali_sinhala_pakistani: [
    words('Tanvir|Nusrat|Rupa|Chaminda|Dilani|Nuwan|Imran|Saima|Bilal|Farzana'),
    words('Chowdhury|Hossain|Banerjee|Mukherjee|Jayasuriya|Wickramasinghe|Bandara|Qureshi|Siddiqui'),
  ],
  chinese_pinyin: [
    words('Xiaoming|Haoran|Yuxuan|Zihan|Jianguo|Meilin|Xiuying|Guoqiang|Yifan|Shuang'),
    words('Zhang|Wang|Liu|Huang|Zhao|Zhou|Xu|Zhu|Guo|Luo|Xie|Deng'),
  ],
  cantonese: [
    ['Ka Wai', 'Siu Ming', 'Wing Yee', 'Chi Keung', 'Mei Ling', 'Kwok Wah', 'Suk Fan'],
    words('Leung|Cheung|Lau|Ng|Tse|Yip|Kwok|Chow|Fung|Mak|Tsang'),
  ],
  korean: [
    words('Ji-woo|Min-jun|Seo-yeon|Hyun-woo|Eun-ji|Ji-hoon|Soo-ah|Dong-hyun|Ha-eun'),
    words('Kim|Choi|Jung|Kang|Yoon|Jang|Lim|Shin|Seo|Kwon|Hwang'),
  ],
  japanese: [
    words('Haruto|Yui|Sota|Aoi|Takeshi|Yumiko|Kenji|Akiko|Hiroshi|Sakura'),
    words('Sato|Suzuki|Takahashi|Tanaka|Watanabe|Yamamoto|Nakamura|Kobayashi|Inoue|Matsumoto'),
  ],
  vietnamese_hmong: [
    words('Minh|Linh|Thao|Quang|Huong|Duc|Pa Nhia|Tou|Yer|Mai Tong'),
    words('Nguyen|Tran|Pham|Hoang|Phan|Vu|Dang|Bui|Vang|Xiong|Moua|Lor'),
  ],
  filipino_thai: [
    words('Maricel|Jovelyn|Rodel|Jericho|Analyn|Somchai|Siriporn|Nattapong|Rizalina'),
    words('Dela Cruz|Bautista|Villanueva|Macaraeg|Dimaculangan|Magbanua|Srisuk|Wongsawat'),
  ],
  arabic: [
    words('Mohammed|Ahmad|Fatima|Khadija|Omar|Layla|Yousef|Mariam|Hassan|Rania|Abdulrahman'),
    words('Al-Sayed|Haddad|Khoury|Nasser|Mansour|Al-Harbi|El-Masri|Hamdan|Qasim|Abu-Ghazaleh'),
  ],
  somali_ethiopian: [
    words('Abdirahman|Hodan|Fadumo|Ayaan|Abebe|Tigist|Meseret|Dawit|Hamdi|Yonas'),
    words('Warsame|Abdi|Farah|Mohamud|Jama|Tesfaye|Bekele|Gebremedhin|Alemu|Wolde'),
  ],
  slavic: [
    words('Oleksandr|Olena|Dmytro|Natalia|Sergei|Svetlana|Wojciech|Agnieszka|Zbigniew|Jelena'),
    words('Kovalenko|Shevchenko|Bondarenko|Ivanov|Smirnova|Kowalczyk|Wiśniewski|Jovanović|Melnyk'),
  ],
  pacific: [
    words('Sione|Mele|Tavita|Viliami|Siosaia|Lupe|Jone|Litia|Waisale|Aroha|Wiremu|Keola'),
    words("Tuilagi|Fa'amausili|Leota|Sapolu|Taufa|Fifita|Havili|Fonua|Naivalu|Ngata|Parata"),
  ],
  pacific2: [
    words('Mereana|Hemi|Anahera|Leilani|Kainoa|Makana|Losa|Seru|Ana Lisa'),
    words('Tipene|Te Rangi|Waititi|Kahananui|Akana|Kealoha|Taitano|Aguon|Quitugua|Kabua'),
  ],
  indigenous_americas: [
    words('Winona|Tallulah|Takoda|Ahanu|Dezbah|Nizhoni|Kimimela|Chayton|Shandiin|Hok'),
    words('Begay|Yazzie|Tsosie|Benally|Etsitty|Manuelito|Bitsui|Tsinajinnie|Yellowhair|Sixkiller'),
  ],
  indigenous_more: [
    ['Ootoova', 'Nuka', 'Aputi', 'Malia', 'Wambli', 'Tatanka', 'Mahpiya'],
    words(
      'Two Bulls|Iron Cloud|Brings Plenty|Little Thunder|Kingbird|Kusugak|Arnatsiaq|Yunupingu|Gurruwiwi|' +
        'Honanie|Lomayestewa|Oocumma|Kashatok',
    ),
  ],
  haitian_armenian: [
    words('Fabiola|Wilner|Guerline|Jean-Baptiste|Tigran|Anahit|Arman|Nareh'),
    words('Pierre-Louis|Dorvil|Jean-Charles|Saintil|Petrosyan|Hakobyan|Sargsyan|Mkrtchyan'),
  ],
};

/** Words that are names and also common English: never planted, so a clean note using one is fair. */
export const NOT_NAMES = new Set(
  (
    'will may june april august march pat bill mark rose hope faith joy grace page long white black brown green young ' +
    'king hall bed ward nurse care call dose code wood stone lee gray grey rich summer winter autumn dawn sunny ' +
    'bishop baker cook carter walker turner hunter fisher miller mason price love best little small major early ' +
    'day night ray will star sky river lane street avenue court drive park field hill bay port case ' +
    'chase crystal cash penny ruby amber jade pearl ivy holly daisy lily fern iris blossom angel christian ' +
    'reading patience charity constance frank earnest sterling bright fair wise noble golden north south east west'
  ).split(' '),
);

/** Particles written inside family names ("van der Berg", "bin Yusof"): allowed even though they are short words. */
export const PARTICLES = new Set(
  'van von de la le da di del dos das du al el bin ibn ben abu ter ten der den st mac mc y e'.split(' '),
);
