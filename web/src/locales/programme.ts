// Strings of the programme tracker pages (web/src/programme), under the 'programme' key, in the
// conventions' three languages. Exported for the web app to merge; routes.tsx
// also adds them to i18next itself so the pages work either way.
const en = {
  programme: {
    nav: { programme: 'Work programme', signIn: 'Sign in', users: 'Users', audit: 'Audit log', curation: 'Link review', parties: 'CMS Parties' },
    overview: {
      title: 'CMS-CITES Joint Work Programme', choose: 'Programme', period: 'Period {{start}}–{{end}}', status: 'Status: {{status}}',
      chart: 'Activities by theme and status', theme: 'Theme', activities: 'Activities', report: 'Implementation report',
      download: 'Download as {{format}}', funding: 'Funding', edit: 'Edit the programme text', titleField: 'Title', introduction: 'Introduction', none: 'No programme has been imported yet (concord import work-programme FILE).',
    },
    status: { planned: 'planned', ongoing: 'ongoing', completed: 'completed', discontinued: 'discontinued', active: 'active', closed: 'closed', draft: 'draft' },
    activity: {
      code: 'Activity {{code}}', mandates: 'Mandates', noMandates: 'None recorded', lead: 'Lead Secretariat(s)', groups: 'Shared species',
      progress: 'Progress', noProgress: 'No progress reported yet.', sharedFrom: 'Reported with {{code}}', edit: 'Edit activity', text: 'Text',
      save: 'Save', saved: 'Saved.', mandatesField: 'Mandates (one a line)', leadField: 'Lead Secretariat(s)', addProgress: 'Add a progress entry', date: 'Date', entryText: 'What was done', entryStatus: 'Status',
      add: 'Add entry', added: 'Progress entry added.', links: 'Links, one a line (taxon:, meeting:, document:, funding:)', version: 'Version {{version}}', back: 'Back to the programme',
    },
    group: { title: 'Shared species: {{name}}', taxon: 'Taxon', taxonomy: 'Taxonomy', cites: 'CITES', cms: 'CMS', notListed: 'not listed', noConcept: 'No taxon concept of this name in the database yet.', activities: 'Activities about these species' },
    signIn: { title: 'Sign in', email: 'E-mail', password: 'Password', submit: 'Sign in', signedInAs: 'Signed in as {{name}} ({{role}})', signOut: 'Sign out' },
    users: { title: 'Users', email: 'E-mail', name: 'Name', role: 'Role', party: 'Party', create: 'Create account', password: 'Password', created: 'Account created.', change: 'Change role' },
    roles: { admin: 'Administrator', cites_secretariat: 'CITES Secretariat', cms_secretariat: 'CMS Secretariat', party_focal_point: 'Party focal point' },
    audit: { title: 'Audit log', when: 'When', who: 'Who', action: 'Action', resource: 'Resource', change: 'Before → after', exportCsv: 'Export CSV', exportJson: 'Export JSON' },
    curation: { title: 'Cross-convention links to review', cms: 'CMS name', cites: 'CITES name', relation: 'Relation', confidence: 'Confidence', comment: 'Comment', confirm: 'Confirm', reject: 'Reject', empty: 'No link waits for review.' },
    parties: { title: 'CMS Parties', intro: 'No published file lists the CMS Parties with their dates; the CMS Secretariat keeps them here. An empty date removes a Party.', iso2: 'ISO code', date: 'Entry into force', party: 'Party', source: 'Source' },
    forbidden: 'You need to sign in with an account that may see this page.',
    loading: 'Loading…',
  },
};

type Strings = typeof en;

const fr: Strings = {
  programme: {
    nav: { programme: 'Programme de travail', signIn: 'Connexion', users: 'Utilisateurs', audit: 'Journal d’audit', curation: 'Revue des liens', parties: 'Parties CMS' },
    overview: {
      title: 'Programme de travail conjoint CMS-CITES', choose: 'Programme', period: 'Période {{start}}–{{end}}', status: 'Statut : {{status}}',
      chart: 'Activités par thème et par statut', theme: 'Thème', activities: 'Activités', report: 'Rapport de mise en œuvre',
      download: 'Télécharger en {{format}}', funding: 'Financement', edit: 'Modifier le texte du programme', titleField: 'Titre', introduction: 'Introduction', none: 'Aucun programme n’a encore été importé (concord import work-programme FICHIER).',
    },
    status: { planned: 'prévue', ongoing: 'en cours', completed: 'achevée', discontinued: 'abandonnée', active: 'en vigueur', closed: 'clos', draft: 'projet' },
    activity: {
      code: 'Activité {{code}}', mandates: 'Mandats', noMandates: 'Aucun enregistré', lead: 'Secrétariat(s) chef(s) de file', groups: 'Espèces partagées',
      progress: 'Avancement', noProgress: 'Aucun avancement signalé.', sharedFrom: 'Signalé avec {{code}}', edit: 'Modifier l’activité', text: 'Texte',
      save: 'Enregistrer', saved: 'Enregistré.', mandatesField: 'Mandats (un par ligne)', leadField: 'Secrétariat(s) chef(s) de file', addProgress: 'Ajouter une étape', date: 'Date', entryText: 'Ce qui a été fait', entryStatus: 'Statut',
      add: 'Ajouter', added: 'Étape ajoutée.', links: 'Liens, un par ligne (taxon:, meeting:, document:, funding:)', version: 'Version {{version}}', back: 'Retour au programme',
    },
    group: { title: 'Espèces partagées : {{name}}', taxon: 'Taxon', taxonomy: 'Taxonomie', cites: 'CITES', cms: 'CMS', notListed: 'non inscrit', noConcept: 'Aucun concept taxonomique de ce nom dans la base.', activities: 'Activités concernant ces espèces' },
    signIn: { title: 'Connexion', email: 'Courriel', password: 'Mot de passe', submit: 'Se connecter', signedInAs: 'Connecté : {{name}} ({{role}})', signOut: 'Se déconnecter' },
    users: { title: 'Utilisateurs', email: 'Courriel', name: 'Nom', role: 'Rôle', party: 'Partie', create: 'Créer le compte', password: 'Mot de passe', created: 'Compte créé.', change: 'Changer le rôle' },
    roles: { admin: 'Administrateur', cites_secretariat: 'Secrétariat CITES', cms_secretariat: 'Secrétariat CMS', party_focal_point: 'Correspondant national' },
    audit: { title: 'Journal d’audit', when: 'Quand', who: 'Qui', action: 'Action', resource: 'Ressource', change: 'Avant → après', exportCsv: 'Exporter en CSV', exportJson: 'Exporter en JSON' },
    curation: { title: 'Liens entre conventions à revoir', cms: 'Nom CMS', cites: 'Nom CITES', relation: 'Relation', confidence: 'Confiance', comment: 'Commentaire', confirm: 'Confirmer', reject: 'Rejeter', empty: 'Aucun lien à revoir.' },
    parties: { title: 'Parties à la CMS', intro: 'Aucun fichier publié ne liste les Parties à la CMS avec leurs dates ; le Secrétariat de la CMS les tient à jour ici. Une date vide retire une Partie.', iso2: 'Code ISO', date: 'Entrée en vigueur', party: 'Partie', source: 'Source' },
    forbidden: 'Connectez-vous avec un compte autorisé à voir cette page.',
    loading: 'Chargement…',
  },
};

const es: Strings = {
  programme: {
    nav: { programme: 'Programa de trabajo', signIn: 'Iniciar sesión', users: 'Usuarios', audit: 'Registro de auditoría', curation: 'Revisión de vínculos', parties: 'Partes CMS' },
    overview: {
      title: 'Programa de trabajo conjunto CMS-CITES', choose: 'Programa', period: 'Período {{start}}–{{end}}', status: 'Estado: {{status}}',
      chart: 'Actividades por tema y estado', theme: 'Tema', activities: 'Actividades', report: 'Informe de aplicación',
      download: 'Descargar en {{format}}', funding: 'Financiación', edit: 'Editar el texto del programa', titleField: 'Título', introduction: 'Introducción', none: 'Aún no se ha importado ningún programa (concord import work-programme ARCHIVO).',
    },
    status: { planned: 'prevista', ongoing: 'en curso', completed: 'completada', discontinued: 'interrumpida', active: 'vigente', closed: 'cerrado', draft: 'borrador' },
    activity: {
      code: 'Actividad {{code}}', mandates: 'Mandatos', noMandates: 'Ninguno registrado', lead: 'Secretaría(s) principal(es)', groups: 'Especies compartidas',
      progress: 'Avance', noProgress: 'Aún no se ha informado ningún avance.', sharedFrom: 'Informado con {{code}}', edit: 'Editar la actividad', text: 'Texto',
      save: 'Guardar', saved: 'Guardado.', mandatesField: 'Mandatos (uno por línea)', leadField: 'Secretaría(s) principal(es)', addProgress: 'Añadir un avance', date: 'Fecha', entryText: 'Qué se hizo', entryStatus: 'Estado',
      add: 'Añadir', added: 'Avance añadido.', links: 'Vínculos, uno por línea (taxon:, meeting:, document:, funding:)', version: 'Versión {{version}}', back: 'Volver al programa',
    },
    group: { title: 'Especies compartidas: {{name}}', taxon: 'Taxón', taxonomy: 'Taxonomía', cites: 'CITES', cms: 'CMS', notListed: 'no incluido', noConcept: 'Todavía no hay ningún concepto taxonómico con este nombre.', activities: 'Actividades sobre estas especies' },
    signIn: { title: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión', signedInAs: 'Sesión de {{name}} ({{role}})', signOut: 'Cerrar sesión' },
    users: { title: 'Usuarios', email: 'Correo electrónico', name: 'Nombre', role: 'Función', party: 'Parte', create: 'Crear cuenta', password: 'Contraseña', created: 'Cuenta creada.', change: 'Cambiar la función' },
    roles: { admin: 'Administrador', cites_secretariat: 'Secretaría CITES', cms_secretariat: 'Secretaría CMS', party_focal_point: 'Punto focal de la Parte' },
    audit: { title: 'Registro de auditoría', when: 'Cuándo', who: 'Quién', action: 'Acción', resource: 'Recurso', change: 'Antes → después', exportCsv: 'Exportar CSV', exportJson: 'Exportar JSON' },
    curation: { title: 'Vínculos entre convenciones por revisar', cms: 'Nombre CMS', cites: 'Nombre CITES', relation: 'Relación', confidence: 'Confianza', comment: 'Comentario', confirm: 'Confirmar', reject: 'Rechazar', empty: 'Ningún vínculo espera revisión.' },
    parties: { title: 'Partes en la CMS', intro: 'Ningún archivo publicado enumera las Partes en la CMS con sus fechas; la Secretaría de la CMS las mantiene aquí. Una fecha vacía retira una Parte.', iso2: 'Código ISO', date: 'Entrada en vigor', party: 'Parte', source: 'Fuente' },
    forbidden: 'Inicie sesión con una cuenta autorizada para ver esta página.',
    loading: 'Cargando…',
  },
};

export const resources = { en, fr, es };
