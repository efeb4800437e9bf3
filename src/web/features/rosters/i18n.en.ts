import type { RostersKey } from './i18n.zh-CN.js';

/** Class rosters, English: the same keys as the zh-CN file (the compiler checks). */
export const rostersEn: Record<RostersKey, string> = {
  'page.title': 'Class rosters',
  'page.chooseUnit': 'Choose a school or kindergarten',
  'page.privacy':
    "Rosters are children's personal data: only names, classes and the adults who may collect them (name, " +
    'relation, mobile, last four of an ID) are kept; only the class teacher, the head and the safety officer see ' +
    'them, every look is logged, and a pupil who leaves is deleted.',
  'page.noClasses': 'No classes yet. The safety officer or the head can add classes or import a roster.',
  'page.noClassesTeacher':
    'You are not the teacher of any class yet. Ask the safety officer to make you the teacher of yours.',

  'class.pupils': '{n} pupils',
  'class.noTeacher': 'No class teacher',
  'class.new': 'New class',
  'class.name': 'Class name',
  'class.namePlaceholder': 'e.g. Grade 1 Class 1',
  'class.teacher': 'Class teacher',
  'class.teacherHint': 'Must hold the class teacher role at this school',
  'class.created': 'Class added',
  'class.open': 'Open roster',

  'pupil.add': 'Add pupil',
  'pupil.edit': 'Edit',
  'pupil.name': 'Pupil’s name',
  'pupil.adults': 'Guardians and authorised adults',
  'pupil.addAdult': 'Add one',
  'pupil.noAdults': 'No adults listed',
  'pupil.saved': 'Saved',
  'pupil.left': 'Left school',
  'pupil.leftConfirm': 'Has {name} left the school? The pupil and their adults will be deleted for good.',
  'pupil.purged': 'Everything about the pupil was deleted',
  'pupil.none': 'No pupils in this class yet',

  'adult.name': 'Name',
  'adult.relation': 'Relation',
  'adult.relationPlaceholder': 'e.g. Mother',
  'adult.mobile': 'Mobile',
  'adult.idLast4': 'ID last 4',
  'adult.kind': 'Kind',
  'kind.guardian': 'Guardian',
  'kind.collector': 'Authorised to collect',
  'kind.guardianNoCollect': 'Guardian (may not collect)',

  'transfer.title': 'Import and export',
  'transfer.columns':
    'One pupil a row: class, name, and for up to three adults their name, relation, mobile, ID last four and kind. ' +
    'A pupil already in the class keeps their place and takes the file’s adults; a file with any problem is not ' +
    'imported, and every problem is listed by row and column.',
  'transfer.export': 'Export roster',
  'transfer.exportClass': 'Export this class',
  'transfer.choose': 'Choose file',
  'transfer.noFile': 'No file chosen',
  'transfer.import': 'Import',
  'transfer.done': 'Imported: {classes} classes added, {added} pupils added, {updated} updated',
};
