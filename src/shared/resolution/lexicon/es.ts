/**
 * Spanish opening phrases, as in the Spanish versions of GA, SC, ECOSOC and HRC resolutions.
 * Adjectives and participles agree with the organ: la Asamblea General *Convencida*, el Consejo
 * *Convencido* (un-format.md §4). "Consciente" is the same in both genders.
 */
import { g, type LexiconData } from './types.js';

/** Spanish lexicon data. */
export const ES: LexiconData = {
  spaced: true,
  joiner: ' ',
  pp: {
    phrases: [
      'Recordando', 'Reconociendo', 'Reafirmando', 'Observando', 'Acogiendo con beneplácito',
      'Recordando también', 'Tomando nota', 'Destacando', 'Poniendo de relieve',
      'Reconociendo también', 'Recordando además', 'Reafirmando también', 'Teniendo presente',
      g('Convencida', 'Convencido'), 'Consciente', 'Subrayando', 'Expresando preocupación',
      g('Preocupada', 'Preocupado'), 'Habiendo examinado', 'Observando con preocupación',
      g('Profundamente preocupada', 'Profundamente preocupado'), 'Reiterando',
      'Observando con aprecio', 'Expresando profunda preocupación',
      'Observando con gran preocupación', 'Condenando', 'Considerando', g('Guiada', 'Guiado'),
      'Observando con satisfacción', 'Afirmando', g('Gravemente preocupada', 'Gravemente preocupado'),
      g('Alarmada', 'Alarmado'), g('Seriamente preocupada', 'Seriamente preocupado'),
      'Habiendo considerado', 'Deplorando', g('Decidida', 'Decidido'), g('Resuelta', 'Resuelto'),
      // Others.
      'Recordando asimismo', 'Observando también', 'Observando además', 'Tomando nota también',
      'Acogiendo con beneplácito también', 'Destacando también', 'Recalcando', 'Haciendo hincapié',
      'Teniendo en cuenta', 'Tomando en consideración', 'Tomando nota con aprecio',
      'Tomando nota con satisfacción', 'Tomando nota con reconocimiento', 'Tomando nota con interés',
      'Acogiendo con satisfacción', 'Acogiendo favorablemente', 'Expresando su preocupación',
      'Expresando su profunda preocupación', 'Expresando grave preocupación',
      'Expresando su grave preocupación', 'Expresando su reconocimiento',
      'Expresando su agradecimiento', 'Expresando su aprecio', 'Expresando su apoyo',
      'Expresando su satisfacción', 'Expresando su pesar', 'Expresando sus condolencias',
      'Observando con profunda preocupación', 'Observando con inquietud', 'Observando con pesar',
      'Observando con interés', g('Sumamente preocupada', 'Sumamente preocupado'),
      g('Muy preocupada', 'Muy preocupado'), g('Profundamente alarmada', 'Profundamente alarmado'),
      g('Alentada', 'Alentado'), 'Encomiando', 'Elogiando', 'Apreciando', 'Valorando', 'Lamentando',
      'Condenando enérgicamente', 'Condenando firmemente',
      g('Firmemente convencida', 'Firmemente convencido'),
      g('Profundamente convencida', 'Profundamente convencido'), 'Plenamente consciente',
      'Habiendo aprobado', 'Habiendo escuchado', 'Habiendo recibido', g('Deseosa', 'Deseoso'),
      g('Determinada', 'Determinado'), g('Consternada', 'Consternado'),
      g('Indignada', 'Indignado'), 'Insistiendo', 'Señalando', 'Resaltando', 'Rindiendo homenaje',
      'Esperando con interés',
      // Security Council preambles.
      'Actuando', 'Exhortando', 'Instando', 'Alentando', 'Invitando', 'Solicitando', 'Pidiendo',
      'Exigiendo', 'Haciendo un llamamiento',
    ],
    prefixes: [],
    infixes: ['también', 'además', 'asimismo', 'nuevamente', 'una vez más', 'de nuevo'],
  },
  op: {
    phrases: [
      'Alienta', 'Exhorta', 'Insta', 'Acoge con beneplácito', 'Solicita', 'Decide', 'Reconoce',
      'Observa', 'Recuerda', 'Reafirma', 'Destaca', 'Pone de relieve', 'Toma nota', 'Reitera',
      'Subraya', 'Alienta también', 'Pide', 'Hace un llamamiento', 'Observa con aprecio',
      'Solicita también', 'Encomia', 'Observa con preocupación', 'Recalca',
      'Observa con satisfacción', 'Expresa su reconocimiento', 'Recomienda', 'Decide también',
      'Alienta además', 'Expresa preocupación', 'Expresa su preocupación', 'Invita', 'Condena',
      'Exige', 'Alienta encarecidamente', 'Reitera su llamamiento', 'Considera', 'Hace suyo',
      'Hace suya', 'Hace suyos', 'Hace suyas', 'Deplora',
      // Others.
      'Pide también', 'Solicita además', 'Decide además', 'Decide asimismo', 'Exhorta también',
      'Insta también', 'Invita también', 'Acoge con beneplácito también', 'Reafirma también',
      'Destaca también', 'Reconoce también', 'Recuerda también', 'Observa también',
      'Toma nota también', 'Aprueba', 'Adopta', 'Autoriza', 'Afirma', 'Proclama', 'Declara',
      'Expresa profunda preocupación', 'Expresa su profunda preocupación',
      'Expresa grave preocupación', 'Expresa su grave preocupación', 'Expresa seria preocupación',
      'Expresa su agradecimiento', 'Expresa su aprecio', 'Expresa su apoyo',
      'Expresa su satisfacción', 'Expresa su pesar', 'Expresa su solidaridad',
      'Expresa sus condolencias', 'Toma nota con aprecio', 'Toma nota con reconocimiento',
      'Toma nota con satisfacción', 'Toma nota con interés', 'Toma nota con preocupación',
      'Acoge con satisfacción', 'Acoge favorablemente', 'Observa con profunda preocupación',
      'Observa con gran preocupación', 'Observa con inquietud', 'Observa con pesar',
      'Observa con interés', 'Hace hincapié', 'Insiste', 'Señala', 'Resalta', 'Pone de manifiesto',
      'Condena enérgicamente', 'Condena firmemente', 'Insta encarecidamente',
      'Exhorta encarecidamente', 'Respalda', 'Apoya', 'Lamenta', 'Agradece', 'Felicita', 'Elogia',
      'Celebra', 'Conviene', 'Encarga', 'Designa', 'Establece', 'Prorroga', 'Rinde homenaje',
      'Espera con interés', 'Reitera su exhortación', 'Reitera su petición', 'Reitera su solicitud',
    ],
    prefixes: [],
    infixes: [
      'también', 'además', 'asimismo', 'nuevamente', 'una vez más', 'de nuevo', 'encarecidamente',
      'enérgicamente', 'firmemente',
    ],
  },
};
